import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { mountPartsAtOnce } from './lab-kit/InTurns.tsx';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// A lab's results mount a panel per task after the first paint (lab-kit/InTurns.tsx); the unit
// tests of what they show see them at once. InTurns.test.tsx and the e2e specs see the turns.
mountPartsAtOnce(true);
