import { useEffect, useRef } from 'react';

/** A key as `useGlobalKeys` matches it: `z` with modifiers, `ArrowRight`, ` ` (space). */
export type KeyMap = Record<string, (e: KeyboardEvent) => void>;

/** `Mod+Shift+z` for Ctrl/⌘+Shift+Z, `ArrowRight` for the bare key. */
export function keyName(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): string {
  const mods = `${e.ctrlKey || e.metaKey ? 'Mod+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey && e.key.length === 1 ? 'Shift+' : ''}`;
  return `${mods}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
}

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  return !!el && (el.closest?.('input, select, textarea') !== null || el.isContentEditable === true);
};

/**
 * A lab's keyboard shortcuts, declared as a map (`{ 'Mod+z': undo, ArrowRight: next }`) and handled
 * in one place: on the window, never while the focus is in a text field (which keeps its own keys),
 * with the browser's default prevented for the keys the lab takes.
 */
export function useGlobalKeys(map: KeyMap): void {
  const current = useRef(map);
  useEffect(() => {
    current.current = map;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const f = current.current[keyName(e)];
      if (!f) return;
      e.preventDefault();
      f(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (⌘ on a Mac): the undo keys of every lab that has a history. */
export const undoKeys = (undo: () => void, redo: () => void): KeyMap => ({
  'Mod+z': undo,
  'Mod+Shift+z': redo,
  'Mod+y': redo,
});
