/**
 * The Netlink lab's store: the buffer model of buffer.ts (the bytes as the one truth, everything
 * else derived in `deriveNetlink`) and the actions that change the truth. Each action says what
 * it changes; `commit` derives the rest.
 */
import { createStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { createLabContext } from '../../lab-kit/index.ts';
import type { Issue } from '../../lab-kit/index.ts';
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import { echo } from '../../../core/params/param.ts';
import { builderToBytes } from './builder.ts';
import type { BuilderItem } from './builder.ts';
import {
  DEFAULT_HEX,
  DEFAULT_MSGHDR,
  DEFAULT_SPLIT,
  deriveNetlink,
  hexTextTooLong,
  readHex,
  readHexSpliced,
  sampleById,
  truthOf,
} from './buffer.ts';
import type {
  HexParts,
  MsghdrFields,
  NetlinkInputs,
  NetlinkModel,
  NetlinkTruth,
  SplitFields,
} from './buffer.ts';
import type { Endian, NlFamily } from '../../../core/netlink/index.ts';

const STORE_WORDS = defineMessages({
  noSample: {
    id: 'lab.netlink.issue.noSample',
    defaultMessage: 'There is no sample “{sample}”.',
    description: 'sample= names no recorded sample; {sample} is the value, as given (cut when long).',
  },
});

export * from './buffer.ts';

export interface NetlinkActions {
  /**
   * The hex editor's text: the bytes when it parses, a draft with its error when not. `parts`:
   * the same text cut around the page typed in (the editor's pages), read a page at a time.
   */
  setHex: (text: string, parts?: HexParts) => void;
  setFamily: (family: NlFamily) => void;
  /** The same messages in the other byte order (the builder re-encodes; raw rows stay as they are). */
  setEndian: (endian: Endian) => void;
  setTruncated: (on: boolean) => void;
  loadSample: (id: string) => void;
  /** Replace the builder's rows (the UI computes them with builder.ts's pure helpers). */
  editBuilder: (items: BuilderItem[]) => void;
  selectMessage: (i: number) => void;
  selectWalk: (i: number | null) => void;
  setSplit: (patch: Partial<SplitFields>) => void;
  /** Put the split frame into the byte view. */
  openSplit: () => void;
  setMsghdr: (patch: Partial<MsghdrFields>) => void;
  /** Replace the lab's state from a parsed URL. */
  load: (inputs: Partial<NetlinkInputs>, issues?: Issue[]) => void;
  dismissIssues: () => void;
}

export type NetlinkState = NetlinkModel & NetlinkActions;

/** A new buffer: what was typed or built gives way to the bytes. */
const newBytes = (bytes: Uint8Array): Partial<NetlinkTruth> => ({
  bytes,
  sample: null,
  hexDraft: null,
  hexRefused: null,
  builderDraft: null,
  builderOf: null,
});

const INITIAL: NetlinkTruth = {
  bytes: (() => {
    const r = readHex(DEFAULT_HEX);
    return r.ok ? r.bytes : new Uint8Array(0);
  })(),
  family: 'route',
  endian: 'le',
  truncated: false,
  sample: null,
  selected: 0,
  walk: null,
  split: DEFAULT_SPLIT,
  msghdr: DEFAULT_MSGHDR,
  hexDraft: null,
  hexRefused: null,
  builderDraft: null,
  builderOf: null,
  issues: [],
};

/** A sample's bytes and how it was captured (MSG_TRUNC for the truncated ones). */
function sampleTruth(id: string): Partial<NetlinkTruth> | null {
  const sm = sampleById(id);
  if (!sm) return null;
  const r = readHex(sm.hex);
  if (!r.ok) return null;
  return { ...newBytes(r.bytes), sample: id, family: sm.family, truncated: /trunc|small/.test(id) };
}

export const createNetlinkStore = (): StoreApi<NetlinkState> =>
  createStore<NetlinkState>()((set, get) => {
    // Each model replaces the state whole, the actions put on it: zustand's merge would copy its
    // fields, and so make the builder rows that deriveNetlink leaves to be made when first read.
    const commit = (patch: Partial<NetlinkTruth>) =>
      set((s) => Object.assign(deriveNetlink({ ...truthOf(s), ...patch }, s), actions), true);
    const actions: NetlinkActions = {
      setHex: (text, parts) => {
        // A paste longer than any buffer's text is refused whole: the last text and bytes stay.
        const refused = hexTextTooLong(text);
        if (refused) return commit({ hexRefused: refused });
        const r = parts ? readHexSpliced(parts, text) : readHex(text);
        // Valid or not, the editor keeps the text as typed (no reformatting under the cursor).
        commit(
          r.ok
            ? { ...newBytes(r.bytes), hexDraft: text }
            : { hexDraft: text, hexRefused: null, sample: null },
        );
      },
      setFamily: (family) => commit({ family, builderDraft: null, builderOf: null }),
      setEndian: (endian) => {
        const s = get();
        const enc = builderToBytes(s.builder, s.family, endian);
        commit({ ...newBytes(enc.ok ? enc.bytes : s.bytes), endian });
      },
      setTruncated: (truncated) => commit({ truncated }),
      loadSample: (id) => {
        const t = sampleTruth(id);
        if (t) commit({ ...t, selected: 0, walk: null });
      },
      editBuilder: (items) => {
        const s = get();
        const enc = builderToBytes(items, s.family, s.endian);
        commit(
          enc.ok
            ? {
                ...newBytes(enc.bytes),
                builderOf: { items, bytes: enc.bytes, family: s.family, endian: s.endian },
              }
            : { builderDraft: { items, issues: enc.issues } },
        );
      },
      selectMessage: (selected) => commit({ selected }),
      selectWalk: (i) => {
        const r = get().result;
        const step = i === null ? undefined : r.walk[Math.max(0, Math.min(i, r.walk.length - 1))];
        const m = step ? r.messages.findIndex((x) => x.offset === step.offset) : -1;
        commit(m >= 0 ? { walk: i, selected: m } : { walk: i });
      },
      setSplit: (p) => commit({ split: { ...get().split, ...p } }),
      openSplit: () => {
        const r = get().splitResult;
        if (r) commit({ ...newBytes(r.bytes), truncated: false, selected: 0, walk: null });
      },
      setMsghdr: (p) => commit({ msghdr: { ...get().msghdr, ...p } }),
      load: (inputs, issues = []) => {
        const s = get();
        const extra = [...issues];
        let t: Partial<NetlinkTruth> = {};
        const refused = inputs.hexText === undefined ? null : hexTextTooLong(inputs.hexText);
        if (refused) t = { hexRefused: refused };
        else if (inputs.hexText !== undefined) {
          const r = readHex(inputs.hexText);
          // Hex that reads is shown as the editor's lines (8 bytes each), as a sample is: the URL's
          // one line of digits, 130,000 of them for 64 KiB, would make every keystroke lay the
          // whole line out again. What does not read stays as given, to be seen and corrected.
          t = r.ok ? newBytes(r.bytes) : { hexDraft: inputs.hexText, hexRefused: null, sample: null };
        }
        if (inputs.sample) {
          const st = sampleTruth(inputs.sample);
          if (st) t = st;
          else
            extra.push({
              field: 'sample',
              message: `There is no sample “${echo(inputs.sample)}”.`,
              msg: msg(STORE_WORDS.noSample, { sample: echo(inputs.sample) }),
            });
        }
        const next = deriveNetlink(
          {
            ...truthOf(s),
            ...t,
            ...(inputs.family !== undefined ? { family: inputs.family } : {}),
            ...(inputs.truncated !== undefined ? { truncated: inputs.truncated } : {}),
            endian: inputs.endian ?? s.endian,
            selected: inputs.selected ?? 0,
            walk: inputs.walk ?? null,
            split: inputs.split ?? s.split,
            msghdr: inputs.msghdr ?? s.msghdr,
            issues: extra,
          },
          s,
        );
        const n = next.result.messages.length;
        if (inputs.selected !== undefined && inputs.selected >= n && n > 0)
          next.issues = [
            ...next.issues,
            { field: 'msg', message: `msg=${inputs.selected + 1}: the buffer has ${n} messages.` },
          ];
        set(Object.assign(next, actions), true);
      },
      dismissIssues: () => commit({ issues: [] }),
    };
    return Object.assign(deriveNetlink(INITIAL, null), actions);
  });

export const { Provider: NetlinkProvider, useLabStore: useNetlink } =
  createLabContext<NetlinkState>('Netlink');

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectNlActions = (s: NetlinkState): NetlinkActions => ({
  setHex: s.setHex,
  setFamily: s.setFamily,
  setEndian: s.setEndian,
  setTruncated: s.setTruncated,
  loadSample: s.loadSample,
  editBuilder: s.editBuilder,
  selectMessage: s.selectMessage,
  selectWalk: s.selectWalk,
  setSplit: s.setSplit,
  openSplit: s.openSplit,
  setMsghdr: s.setMsghdr,
  load: s.load,
  dismissIssues: s.dismissIssues,
});
