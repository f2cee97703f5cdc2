/**
 * `react-dom/client` in this app (vite.config.ts): preact/compat's createRoot, with ./props.ts set
 * up first (every root, the page's and the tests', is made here).
 */
import './props.ts';

export { createRoot, hydrateRoot } from 'preact/compat/client';
