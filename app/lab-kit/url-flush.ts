/**
 * The address bar's waiting writes (sync.ts writes a lab's state once the lab is still): what
 * reads the address for the lab's state flushes them first. Its own module, with no imports, so
 * the challenge toggle, the primer and the share bar reach it without reaching the labs.
 */
/** How long a lab must be still before its state is written to the address bar. */
export const URL_IDLE_MS = 300;

/** The flushes of every running sync (one in the app; tests may start several). */
export const flushes = new Set<() => void>();

/** Write any lab state still waiting to the address bar now (before reading the address). */
export function flushUrl(): void {
  for (const f of flushes) f();
}

/** Who hears when a waiting change reaches the address bar (replaceState fires no event). */
export const written = new Set<() => void>();

/** Call `cb` after each write of a lab's state to the address bar; returns the unsubscribe. */
export function onUrlWritten(cb: () => void): () => void {
  written.add(cb);
  return () => void written.delete(cb);
}
