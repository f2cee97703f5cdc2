import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { mountPartsAtOnce } from './lab-kit/InTurns.tsx';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// A lab's results mount a panel per task after the first paint (lab-kit/InTurns.tsx); the unit
// tests of what they show see them at once. InTurns.test.tsx and the e2e specs see the turns.
mountPartsAtOnce(true);

// Preact's hooks schedule effects for after the next frame: requestAnimationFrame, with a 100 ms
// timeout as a fallback whose handler calls cancelAnimationFrame. A file whose last test left such
// a timer behind must not tear jsdom down first, or the timer throws "cancelAnimationFrame is not
// defined" into the run (seen once in CI on a loaded machine). Let those timers fire.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
