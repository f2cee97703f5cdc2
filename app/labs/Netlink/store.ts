/**
 * The Netlink lab's slice. The truth is the buffer: the hex editor's text as typed, the family
 * (which names types and attributes), the byte order and MSG_TRUNC. The builder is a second way to
 * write that buffer: builder edits are encoded by core/netlink into bytes (and the hex text), and
 * a hex edit rebuilds the builder from the decoded bytes. Bad input (hex or a builder field) is
 * reported next to what was typed and the last good buffer stays on show.
 *
 * The multipart splitter and the msghdr diagram have small forms of their own. Nothing here
 * models the kernel: decodeNetlink, encodeNetlink, splitMultipart and msghdrLayout do.
 */
import { createStore } from 'zustand';
import type { StateCreator, StoreApi } from 'zustand';
import {
  NETLINK_SAMPLES,
  decodeNetlink,
  msghdrLayout,
  parseHex,
  splitMultipart,
} from '../../../core/netlink/index.ts';
import type {
  Endian,
  NlDecodeResult,
  NlFamily,
  NlMsghdrLayout,
  NlSplitResult,
} from '../../../core/netlink/index.ts';
import { createLabContext } from '../../lab-kit/index.ts';
import type { Issue } from '../../lab-kit/index.ts';
import { builderFromBytes, builderToBytes } from './builder.ts';
import type { BuilderIssue, BuilderItem } from './builder.ts';

export const NL_FAMILIES: readonly NlFamily[] = ['route', 'generic', 'raw'];
export const NL_ENDIANS: readonly Endian[] = ['le', 'be'];
/** The largest buffer the lab takes (a 64 KiB dump fits four times over). */
export const MAX_BUFFER = 256 * 1024;

/**
 * What `ip link` sends: RTM_GETLINK with NLM_F_REQUEST|NLM_F_DUMP, a zeroed ifinfomsg and
 * IFLA_EXT_MASK = RTEXT_FILTER_VF (40 bytes, little-endian).
 */
export const DEFAULT_HEX = '280000001200010301000000000000000000000000000000000000000000000008001d0001000000';

export type SplitMode = 'correct' | 'mistakes';
export interface SplitFields {
  /** The frame to split, in bytes (as typed). */
  frame: string;
  /** The largest payload one message may carry (as typed). */
  max: string;
  mode: SplitMode;
}
export const DEFAULT_SPLIT: SplitFields = { frame: '10000', max: '4096', mode: 'correct' };

export interface CmsgField {
  level: string;
  type: string;
  /** Data length in bytes, as typed. */
  len: string;
}
export interface MsghdrFields {
  /** iovec lengths, comma-separated; empty means one iovec over the whole buffer. */
  iov: string;
  cmsgs: CmsgField[];
}
export const DEFAULT_MSGHDR: MsghdrFields = {
  iov: '',
  cmsgs: [
    { level: 'SOL_SOCKET', type: 'SCM_CREDENTIALS', len: '12' },
    { level: 'SOL_NETLINK', type: 'NETLINK_PKTINFO', len: '4' },
  ],
};

/** Issues of the URL: `hex`, `sample`, `family`, `endian`, `trunc`, `msg`, `walk`, `split`, `msghdr` (or the kit's `url`). */
export type NetlinkIssue = Issue;

/** The inputs the URL carries. */
export interface NetlinkInputs {
  hexText: string;
  family: NlFamily;
  endian: Endian;
  truncated: boolean;
  sample: string | null;
  selected: number;
  walk: number | null;
  split: SplitFields;
  msghdr: MsghdrFields;
}

export interface NetlinkState extends NetlinkInputs {
  /** The last good buffer and what the core read in it. */
  bytes: Uint8Array;
  result: NlDecodeResult;
  /** Why the hex text does not parse (the buffer on show is the last good one). */
  hexError: string | null;
  builder: BuilderItem[];
  builderIssues: BuilderIssue[];
  /** URL parameters that could not be used. */
  issues: NetlinkIssue[];
  splitResult: NlSplitResult | null;
  splitIssues: { field: 'frame' | 'max'; message: string }[];
  msghdrResult: NlMsghdrLayout | null;
  msghdrIssue: string | null;
  /** When the core itself threw (a bug, not a user error): the message, so the page stays up. */
  modelError: string | null;

  setHex: (text: string) => void;
  setFamily: (family: NlFamily) => void;
  setEndian: (endian: Endian) => void;
  setTruncated: (on: boolean) => void;
  loadSample: (id: string) => void;
  /** Replace the builder (the UI computes the new items with netlink-builder's pure helpers). */
  editBuilder: (items: BuilderItem[]) => void;
  selectMessage: (i: number) => void;
  selectWalk: (i: number | null) => void;
  setSplit: (patch: Partial<SplitFields>) => void;
  /** Put the split frame into the byte view. */
  openSplit: () => void;
  setMsghdr: (patch: Partial<MsghdrFields>) => void;
  /** Replace the whole lab state (a pasted URL). */
  load: (inputs: Partial<NetlinkInputs>, issues?: NetlinkIssue[]) => void;
  dismissIssues: () => void;
}

export interface NetlinkSlice {
  netlink: NetlinkState;
}

// ---- pure helpers ----

/** 8 bytes a line, spaced: what the hex editor shows (it fits the narrow inputs column). */
export function formatHex(b: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 8) {
    const row: string[] = [];
    for (let j = i; j < Math.min(i + 8, b.length); j++) row.push(b[j]!.toString(16).padStart(2, '0'));
    lines.push(row.join(' '));
  }
  return lines.join('\n');
}

/** The hex digits of a text as typed: whitespace, `0x`, `:` `,` `-` and `\x` separators dropped. */
export function compactHex(text: string): string {
  return text.replace(/0x|\\x|[\s:,-]/gi, '').toLowerCase();
}

export type ReadHex = { ok: true; bytes: Uint8Array } | { ok: false; why: string };

/** Read hex as typed, with a message that says where it goes wrong. */
export function readHex(text: string): ReadHex {
  const h = compactHex(text);
  const bad = /[^0-9a-f]/i.exec(h);
  if (bad) return { ok: false, why: `“${bad[0]}” is not a hex digit (use 0–9 and a–f, spaces allowed).` };
  if (h.length % 2 === 1)
    return { ok: false, why: `Odd number of hex digits (${h.length}): every byte is two digits.` };
  if (h.length / 2 > MAX_BUFFER)
    return { ok: false, why: `${h.length / 2} bytes: the lab takes up to ${MAX_BUFFER / 1024} KiB.` };
  const p = parseHex(h);
  if (!p.ok) return { ok: false, why: p.why };
  return { ok: true, bytes: p.bytes };
}

function splitOf(f: SplitFields): Pick<NetlinkState, 'splitResult' | 'splitIssues'> {
  const issues: NetlinkState['splitIssues'] = [];
  const int = (field: 'frame' | 'max', text: string, min: number, max: number) => {
    const t = text.trim();
    if (!/^\d+$/.test(t)) {
      issues.push({ field, message: 'Enter a whole number of bytes.' });
      return null;
    }
    const n = Number(t);
    if (n < min || n > max) {
      issues.push({ field, message: `Between ${min} and ${max.toLocaleString('en')} bytes.` });
      return null;
    }
    return n;
  };
  const frame = int('frame', f.frame, 1, 1 << 20);
  const max = int('max', f.max, 4, 65536);
  if (frame === null || max === null) return { splitResult: null, splitIssues: issues };
  return { splitResult: splitMultipart(frame, max, f.mode), splitIssues: [] };
}

function msghdrOf(f: MsghdrFields, bufLen: number): Pick<NetlinkState, 'msghdrResult' | 'msghdrIssue'> {
  const iovText = f.iov.trim();
  const parts = iovText === '' ? [String(bufLen)] : iovText.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 16 || parts.some((p) => !/^\d+$/.test(p)))
    return {
      msghdrResult: null,
      msghdrIssue: 'iovec lengths: up to 16 whole numbers, separated by commas (e.g. 16, 24).',
    };
  const cmsgs: { level: string; type: string; dataLen: number }[] = [];
  for (const c of f.cmsgs) {
    if (!/^\d+$/.test(c.len.trim()) || Number(c.len) > 4096)
      return { msghdrResult: null, msghdrIssue: `${c.type}: a data length of 0 to 4096 bytes.` };
    cmsgs.push({ level: c.level, type: c.type, dataLen: Number(c.len) });
  }
  return {
    msghdrResult: msghdrLayout({ iovLens: parts.map(Number), cmsgs, namelen: 12 }),
    msghdrIssue: null,
  };
}

type Buffer = Pick<NetlinkState, 'bytes' | 'result' | 'builder' | 'modelError'>;

function decode(bytes: Uint8Array, family: NlFamily, endian: Endian, truncated: boolean): NlDecodeResult {
  return decodeNetlink(bytes, { family, endian, truncated });
}

/** Decode bytes and rebuild the builder from them. */
function fromBytes(
  bytes: Uint8Array,
  family: NlFamily,
  endian: Endian,
  truncated: boolean,
  prev: Buffer,
): Buffer {
  try {
    const result = decode(bytes, family, endian, truncated);
    return { bytes, result, builder: builderFromBytes(bytes, result, family, endian), modelError: null };
  } catch (e) {
    return { ...prev, modelError: e instanceof Error ? e.message : String(e) };
  }
}

function clampSel(i: number, r: NlDecodeResult): number {
  return Math.max(0, Math.min(i, r.messages.length - 1));
}
function clampWalk(i: number | null, r: NlDecodeResult): number | null {
  if (i === null || r.walk.length === 0) return null;
  return Math.max(0, Math.min(i, r.walk.length - 1));
}

const EMPTY_RESULT: NlDecodeResult = { messages: [], walk: [], diagnostics: [], truncated: false };

export function sampleById(id: string) {
  return NETLINK_SAMPLES.find((s) => s.id === id);
}

const createNetlinkSlice: StateCreator<NetlinkSlice, [], [], NetlinkSlice> = (set, get) => {
  const patch = (p: Partial<NetlinkState>) => set((s) => ({ netlink: { ...s.netlink, ...p } }));

  /** A new buffer from hex text: parse, decode, rebuild the builder; bad text keeps the last good. */
  const withHex = (
    s: NetlinkState,
    hexText: string,
    over: Partial<NetlinkInputs> = {},
  ): Partial<NetlinkState> => {
    const family = over.family ?? s.family;
    const endian = over.endian ?? s.endian;
    const truncated = over.truncated ?? s.truncated;
    const r = readHex(hexText);
    if (!r.ok) return { ...over, hexText, hexError: r.why };
    const buf = fromBytes(r.bytes, family, endian, truncated, s);
    return {
      ...over,
      hexText,
      hexError: null,
      builderIssues: [],
      ...buf,
      selected: clampSel(over.selected ?? s.selected, buf.result),
      walk: clampWalk(over.walk !== undefined ? over.walk : s.walk, buf.result),
      ...msghdrOf(over.msghdr ?? s.msghdr, buf.bytes.length),
    };
  };

  const initial = (): NetlinkState => {
    const base = {
      hexText: formatHex(readHexOrEmpty(DEFAULT_HEX)),
      family: 'route' as NlFamily,
      endian: 'le' as Endian,
      truncated: false,
      sample: null,
      selected: 0,
      walk: null,
      split: DEFAULT_SPLIT,
      msghdr: DEFAULT_MSGHDR,
      bytes: new Uint8Array(0),
      result: EMPTY_RESULT,
      hexError: null,
      builder: [],
      builderIssues: [],
      issues: [],
      splitResult: null,
      splitIssues: [],
      msghdrResult: null,
      msghdrIssue: null,
      modelError: null,
    };
    const st = {
      ...base,
      ...withHex(base as unknown as NetlinkState, base.hexText),
      ...splitOf(DEFAULT_SPLIT),
    };
    return { ...st, ...actions } as NetlinkState;
  };

  const actions = {
    setHex: (text: string) =>
      set((s) => ({ netlink: { ...s.netlink, sample: null, ...withHex(s.netlink, text) } })),
    setFamily: (family: NlFamily) =>
      set((s) => {
        const n = s.netlink;
        const buf = fromBytes(n.bytes, family, n.endian, n.truncated, n);
        return {
          netlink: {
            ...n,
            family,
            ...buf,
            builderIssues: [],
            selected: clampSel(n.selected, buf.result),
            walk: clampWalk(n.walk, buf.result),
          },
        };
      }),
    setEndian: (endian: Endian) =>
      set((s) => {
        const n = s.netlink;
        // The same messages in the other byte order: re-encode the builder (raw chunks stay as they are).
        const enc = builderToBytes(n.builder, n.family, endian);
        const bytes = enc.ok ? enc.bytes : n.bytes;
        const buf = fromBytes(bytes, n.family, endian, n.truncated, n);
        return {
          netlink: {
            ...n,
            endian,
            sample: null,
            ...buf,
            hexText: formatHex(buf.bytes),
            hexError: null,
            builderIssues: [],
            selected: clampSel(n.selected, buf.result),
            walk: clampWalk(n.walk, buf.result),
          },
        };
      }),
    setTruncated: (truncated: boolean) =>
      set((s) => {
        const n = s.netlink;
        try {
          return { netlink: { ...n, truncated, result: decode(n.bytes, n.family, n.endian, truncated) } };
        } catch (e) {
          return { netlink: { ...n, truncated, modelError: e instanceof Error ? e.message : String(e) } };
        }
      }),
    loadSample: (id: string) =>
      set((s) => {
        const sm = sampleById(id);
        if (!sm) return s;
        const r = readHex(sm.hex);
        const hexText = r.ok ? formatHex(r.bytes) : sm.hex;
        return {
          netlink: {
            ...s.netlink,
            sample: id,
            ...withHex(s.netlink, hexText, {
              family: sm.family,
              truncated: /trunc|small/.test(id),
              selected: 0,
              walk: null,
            }),
          },
        };
      }),
    editBuilder: (items: BuilderItem[]) =>
      set((s) => {
        const n = s.netlink;
        const enc = builderToBytes(items, n.family, n.endian);
        if (!enc.ok) return { netlink: { ...n, builder: items, builderIssues: enc.issues } };
        try {
          const result = decode(enc.bytes, n.family, n.endian, n.truncated);
          return {
            netlink: {
              ...n,
              sample: null,
              builder: items,
              builderIssues: [],
              bytes: enc.bytes,
              result,
              hexText: formatHex(enc.bytes),
              hexError: null,
              modelError: null,
              selected: clampSel(n.selected, result),
              walk: clampWalk(n.walk, result),
              ...msghdrOf(n.msghdr, enc.bytes.length),
            },
          };
        } catch (e) {
          return {
            netlink: { ...n, builder: items, modelError: e instanceof Error ? e.message : String(e) },
          };
        }
      }),
    selectMessage: (i: number) => patch({ selected: clampSel(i, get().netlink.result) }),
    selectWalk: (i: number | null) => {
      const r = get().netlink.result;
      const walk = clampWalk(i, r);
      const step = walk === null ? undefined : r.walk[walk];
      const m = step ? r.messages.findIndex((x) => x.offset === step.offset) : -1;
      patch(m >= 0 ? { walk, selected: m } : { walk });
    },
    setSplit: (p: Partial<SplitFields>) =>
      set((s) => {
        const split = { ...s.netlink.split, ...p };
        return { netlink: { ...s.netlink, split, ...splitOf(split) } };
      }),
    openSplit: () =>
      set((s) => {
        const r = s.netlink.splitResult;
        if (!r) return s;
        return {
          netlink: {
            ...s.netlink,
            sample: null,
            ...withHex(s.netlink, formatHex(r.bytes), { truncated: false, selected: 0, walk: null }),
          },
        };
      }),
    setMsghdr: (p: Partial<MsghdrFields>) =>
      set((s) => {
        const msghdr = { ...s.netlink.msghdr, ...p };
        return { netlink: { ...s.netlink, msghdr, ...msghdrOf(msghdr, s.netlink.bytes.length) } };
      }),
    load: (inputs: Partial<NetlinkInputs>, issues: NetlinkIssue[] = []) =>
      set((s) => {
        const n = s.netlink;
        let hexText = inputs.hexText ?? n.hexText;
        let family = inputs.family ?? n.family;
        let truncated = inputs.truncated ?? n.truncated;
        const extra = [...issues];
        if (inputs.sample) {
          const sm = sampleById(inputs.sample);
          if (sm) {
            const r = readHex(sm.hex);
            hexText = r.ok ? formatHex(r.bytes) : sm.hex;
            if (inputs.family === undefined) family = sm.family;
            if (inputs.truncated === undefined) truncated = /trunc|small/.test(sm.id);
          } else extra.push({ field: 'sample', message: `There is no sample “${inputs.sample}”.` });
        }
        const sample = inputs.sample && sampleById(inputs.sample) ? inputs.sample : null;
        const split = inputs.split ?? n.split;
        const next = {
          ...n,
          sample,
          split,
          ...splitOf(split),
          ...withHex({ ...n, msghdr: inputs.msghdr ?? n.msghdr }, hexText, {
            family,
            endian: inputs.endian ?? n.endian,
            truncated,
            selected: inputs.selected ?? 0,
            walk: inputs.walk ?? null,
            msghdr: inputs.msghdr ?? n.msghdr,
          }),
          issues: extra,
        } as NetlinkState;
        if (
          inputs.selected !== undefined &&
          inputs.selected >= next.result.messages.length &&
          next.result.messages.length > 0
        )
          next.issues = [
            ...next.issues,
            {
              field: 'msg',
              message: `msg=${inputs.selected + 1}: the buffer has ${next.result.messages.length} messages.`,
            },
          ];
        return { netlink: next };
      }),
    dismissIssues: () => patch({ issues: [] }),
  };

  return { netlink: initial() };
};

function readHexOrEmpty(h: string): Uint8Array {
  const r = readHex(h);
  return r.ok ? r.bytes : new Uint8Array(0);
}

export const createNetlinkStore = (): StoreApi<NetlinkSlice> =>
  createStore<NetlinkSlice>()(createNetlinkSlice);

export const { Provider: NetlinkProvider, useLabStore: useNetlink } =
  createLabContext<NetlinkSlice>('Netlink');

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectNlResult = (s: NetlinkSlice) => s.netlink.result;
export const selectNlBytes = (s: NetlinkSlice) => s.netlink.bytes;
export const selectNlSelected = (s: NetlinkSlice) => s.netlink.selected;
export const selectNlMessage = (s: NetlinkSlice) => s.netlink.result.messages[s.netlink.selected];
export const selectNlActions = (s: NetlinkSlice) => ({
  setHex: s.netlink.setHex,
  setFamily: s.netlink.setFamily,
  setEndian: s.netlink.setEndian,
  setTruncated: s.netlink.setTruncated,
  loadSample: s.netlink.loadSample,
  editBuilder: s.netlink.editBuilder,
  selectMessage: s.netlink.selectMessage,
  selectWalk: s.netlink.selectWalk,
  setSplit: s.netlink.setSplit,
  openSplit: s.netlink.openSplit,
  setMsghdr: s.netlink.setMsghdr,
  dismissIssues: s.netlink.dismissIssues,
});
/** Every diagnostic of the buffer: the buffer's own, then each message's. */
export const allDiagnostics = (r: NlDecodeResult) => [
  ...r.diagnostics,
  ...r.messages.flatMap((m) => m.diagnostics),
];
