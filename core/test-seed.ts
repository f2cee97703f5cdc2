/**
 * Vitest setup for both projects: every fast-check property runs from one fixed seed, so `npm test`
 * gives the same verdict on every run and a red CI always means a change broke something. Set
 * `FC_SEED=<n>` (or `FC_SEED=random`) to explore other inputs; `npm run fuzz` explores at scale.
 * A failure prints its seed and path, which reproduce it with `FC_SEED`.
 */
import fc from 'fast-check';

const env = process.env.FC_SEED;
const DEFAULT_SEED = 20261201;
if (env !== 'random') {
  const seed = env !== undefined && /^-?\d+$/.test(env) ? Number(env) : DEFAULT_SEED;
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
