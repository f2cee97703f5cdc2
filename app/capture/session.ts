/**
 * The capture worker's work, as plain functions of a file-like source (so the tests run it
 * without a Worker): read the file in chunks through core/pcap's incremental reader, telling
 * the page how far it got; analyse what was read (dissect, group fragments by the kernel's
 * key, replay each group through ip_defrag / ipv6_frag_rcv); answer for one page of rows and
 * for one comparison of a group with the Fragmentation model. It never throws: a failure is a
 * message, and whatever was read before it stays listed.
 */
import { defineMessages, msg, type Msg } from '../../core/i18n/index.ts';
import {
  analyzeCapture,
  compareSend,
  createPcapReader,
  linkTypeName,
  msBetween,
  sendInputFor,
  DEFAULT_LIMITS,
  type CaptureAnalysis,
  type CaptureTime,
  type GroupReplay,
  type PcapDiagnostic,
} from '../../core/pcap/index.ts';
import { NL_BUFFER_MAX } from '../../core/params/index.ts';
import type {
  CaptureSummary,
  ComparisonView,
  DiagnosticRow,
  GroupRow,
  NetlinkRow,
  PacketRow,
  WorkerReply,
} from './protocol.ts';

export const M = defineMessages({
  tooBig: {
    id: 'app.capture.tooBig',
    defaultMessage:
      'The file is {size, number} bytes; sockscope reads captures of up to {limit, number} bytes. Cut it with <code>editcap -c</code> or capture fewer packets.',
  },
  cannotRead: {
    id: 'app.capture.cannotRead',
    defaultMessage: 'The browser could not read the file at byte {offset, number}: {why}',
  },
  failed: {
    id: 'app.capture.failed',
    defaultMessage: 'Reading the capture failed: {why}. What was read before stays listed.',
  },
  noCapture: { id: 'app.capture.noCapture', defaultMessage: 'Open a capture first.' },
  noGroup: { id: 'app.capture.noGroup', defaultMessage: 'The capture has no fragment group {group}.' },
  notASend: {
    id: 'app.capture.notASend',
    defaultMessage: 'Fragment group {group} holds no IP packet to compare with a send.',
  },
  badMtu: {
    id: 'app.capture.badMtu',
    defaultMessage: 'The MTU is a whole number from 68 to 65,535 bytes.',
  },
});

/** Bytes read per chunk: the page hears of progress this often. */
export const CHUNK_BYTES = 1 << 20;
/** Files up to the reader's own byte limit. */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxBytes;
/** Rows one request returns at most. */
export const MAX_PAGE_ROWS = 500;
/** Fragment groups and netlink frames listed at most (the rest are counted). */
export const MAX_GROUPS = 1000;
export const MAX_NETLINK = 1000;
/** Findings sent to the page at most. */
export const MAX_DIAGNOSTICS = 500;

/** What the worker reads: a File or Blob (or anything with its `size` and `slice`). */
export interface CaptureSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

const whyOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 200);

const diagRow = (d: PcapDiagnostic): DiagnosticRow => ({
  severity: d.severity,
  code: d.code,
  values: d.values,
  block: d.block,
  offset: d.offset,
});

const hexOf = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
};

export class CaptureSession {
  private analysis: CaptureAnalysis | null = null;
  private t0: CaptureTime | null = null;
  private groupOf = new Map<number, number>();
  private reading = 0;

  /** Read `src` and analyse it, posting progress; returns (and posts) the summary or the failure. */
  async open(
    src: CaptureSource,
    name: string,
    seq: number,
    post: (m: WorkerReply) => void,
    chunkBytes = CHUNK_BYTES,
  ): Promise<WorkerReply> {
    const reading = ++this.reading;
    const finish = (m: WorkerReply) => {
      post(m);
      return m;
    };
    const fail = (message: Msg) => finish({ type: 'failed', seq, message });
    try {
      const size = Number(src?.size);
      if (!Number.isSafeInteger(size) || size < 0) return fail(msg(M.failed, { why: 'not a file' }));
      if (size > MAX_FILE_BYTES) return fail(msg(M.tooBig, { size, limit: MAX_FILE_BYTES }));
      const reader = createPcapReader();
      let offset = 0;
      let readError: Msg | null = null;
      while (offset < size) {
        const end = Math.min(size, offset + Math.max(1, chunkBytes));
        let chunk: ArrayBuffer;
        try {
          chunk = await src.slice(offset, end).arrayBuffer();
        } catch (e) {
          readError = msg(M.cannotRead, { offset, why: whyOf(e) });
          break;
        }
        // A newer file was opened meanwhile: this one is dropped.
        if (reading !== this.reading)
          return { type: 'failed', seq, message: msg(M.failed, { why: 'replaced' }) };
        const r = reader.push(new Uint8Array(chunk));
        offset = end;
        post({
          type: 'progress',
          seq,
          phase: 'read',
          done: offset,
          total: size,
          packets: r.progress.packets,
        });
        if (r.progress.stopped) break;
      }
      reader.end();
      const capture = reader.capture();
      const packets = capture.packets.length;
      const analysis = analyzeCapture(capture, {
        maxReplays: MAX_GROUPS,
        onProgress: (stage, done, total) =>
          post({ type: 'progress', seq, phase: stage === 'dissect' ? 'analyse' : 'replay', done, total, packets }),
      });
      if (reading !== this.reading)
        return { type: 'failed', seq, message: msg(M.failed, { why: 'replaced' }) };
      this.analysis = analysis;
      this.t0 = capture.packets[0]?.time ?? null;
      this.groupOf = new Map();
      for (const g of analysis.groups) for (const p of g.packets) this.groupOf.set(p, g.serial);
      // Where reading stopped: the last whole block or record taken apart (not the last chunk's
      // end), so the page names the byte the findings name.
      const summary = this.summary(name, size, Math.min(offset, capture.progress.consumed));
      summary.readError = readError;
      return finish({ type: 'done', seq, summary });
    } catch (e) {
      return fail(msg(M.failed, { why: whyOf(e) }));
    }
  }

  private summary(name: string, size: number, bytesRead: number): CaptureSummary {
    const a = this.analysis as CaptureAnalysis;
    const c = a.capture;
    const diagnostics = [...c.diagnostics, ...a.views.flatMap((v) => v.diagnostics)]
      .slice(0, MAX_DIAGNOSTICS)
      .map(diagRow);
    const replays = new Map(a.replays.map((r) => [r.group.serial, r]));
    const groups = a.groups.slice(0, MAX_GROUPS).map((g) => this.groupRow(g.serial, replays.get(g.serial)));
    const netlink: NetlinkRow[] = [];
    for (const i of a.netlink.slice(0, MAX_NETLINK)) {
      const nl = a.views[i]?.netlink;
      if (!nl) continue;
      netlink.push({
        packet: i,
        family: nl.family,
        protocol: nl.protocol,
        endian: nl.endian,
        hex: nl.bytes.length <= NL_BUFFER_MAX ? hexOf(nl.bytes) : null,
        length: nl.bytes.length,
        types: nl.messages.map((m) => m.typeName),
      });
    }
    return {
      name: String(name).slice(0, 200),
      size,
      format: c.format,
      endian: c.endian,
      nanosecond: c.nanosecond,
      interfaces: c.interfaces.map((i) => ({
        id: i.id,
        link: linkTypeName(i.linkType),
        name: i.name ?? null,
      })),
      packets: c.packets.length,
      bytesRead,
      stopped: c.progress.stopped,
      diagnostics,
      groups,
      groupsLeftOut: Math.max(0, a.groups.length - MAX_GROUPS),
      netlink,
      netlinkLeftOut: Math.max(0, a.netlink.length - MAX_NETLINK),
      datagrams: a.datagrams.length,
      readError: null,
    };
  }

  private ms(i: number): number {
    const p = this.analysis?.capture.packets[i];
    return p && this.t0 ? msBetween(this.t0, p.time) : 0;
  }

  private groupRow(serial: number, r: GroupReplay | undefined): GroupRow {
    const a = this.analysis as CaptureAnalysis;
    const g = a.groups[serial - 1]!;
    const res = r?.result;
    const arrivals = (r?.packets ?? g.packets).map((p, k) => {
      const f = a.views[p]?.frag;
      const arr = res?.ok ? res.arrivals[k] : undefined;
      return {
        packet: p,
        ms: this.ms(p),
        offset: f?.offset ?? 0,
        length: f?.length ?? 0,
        mf: f?.mf ?? false,
        verdict: arr?.verdict ?? null,
        fn: arr?.fn ?? null,
      };
    });
    return {
      serial,
      family: g.family,
      src: g.src,
      dst: g.dst,
      id: g.id,
      protocol: g.protocol,
      packets: g.packets,
      input: r?.input ?? null,
      arrivals,
      delivered: res?.ok && res.delivered.length ? (res.delivered[0]?.length ?? null) : null,
      failed: res && !res.ok ? res.why : null,
      diagnostics: (r?.diagnostics ?? []).map(diagRow),
    };
  }

  /** Rows `from` … `from + count - 1` of the packet list (at most MAX_PAGE_ROWS). */
  rows(from: number, count: number): PacketRow[] {
    const a = this.analysis;
    if (!a) return [];
    const start = Number.isSafeInteger(from) ? Math.max(0, from) : 0;
    const n = Number.isSafeInteger(count) ? Math.max(0, Math.min(MAX_PAGE_ROWS, count)) : 0;
    const out: PacketRow[] = [];
    for (let i = start; i < Math.min(a.views.length, start + n); i++) out.push(this.row(i));
    return out;
  }

  private row(i: number): PacketRow {
    const a = this.analysis as CaptureAnalysis;
    const p = a.capture.packets[i]!;
    const v = a.views[i]!;
    const ip = v.ip;
    const row: PacketRow = {
      index: i,
      ms: this.ms(i),
      caplen: p.caplen,
      origlen: p.origlen,
      link: linkTypeName(p.linkType),
      kind: ip ? (ip.version === 4 ? 'ipv4' : 'ipv6') : v.netlink ? 'netlink' : 'other',
      issues: v.diagnostics.length,
    };
    if (ip) {
      row.src = ip.src;
      row.dst = ip.dst;
      row.protocol = ip.version === 4 ? ip.protocol : ip.upper;
      if (ip.version === 4) row.ipId = ip.id;
      else if (ip.frag) row.ipId = ip.frag.id;
    }
    if (v.frag)
      row.frag = {
        offset: v.frag.offset,
        length: v.frag.length,
        mf: v.frag.mf,
        group: this.groupOf.get(i) ?? null,
      };
    if (v.udp) row.udp = { srcPort: v.udp.srcPort, dstPort: v.udp.dstPort, length: v.udp.length };
    if (v.netlink)
      row.netlink = { messages: v.netlink.messages.length, types: v.netlink.messages.map((m) => m.typeName) };
    return row;
  }

  /** Group `serial`'s packets side by side with the Fragmentation model's send of the same. */
  compare(serial: number, mtu?: number): { comparison: ComparisonView | null; message: Msg | null } {
    const a = this.analysis;
    if (!a) return { comparison: null, message: msg(M.noCapture) };
    const g = Number.isSafeInteger(serial) ? a.groups[serial - 1] : undefined;
    if (!g) return { comparison: null, message: msg(M.noGroup, { group: String(serial).slice(0, 12) }) };
    if (mtu !== undefined && (!Number.isInteger(mtu) || mtu < 68 || mtu > 65535))
      return { comparison: null, message: msg(M.badMtu) };
    const views = g.packets.map((p) => a.views[p]!).filter(Boolean);
    const input = sendInputFor(views, mtu);
    if (!input) return { comparison: null, message: msg(M.notASend, { group: serial }) };
    const c = compareSend(views, input);
    return {
      comparison: {
        group: serial,
        input: c.input,
        modelOk: c.model.ok,
        agree: c.agree,
        rows: c.rows.map((r) => ({
          index: r.index,
          packet: r.packet,
          captured: r.captured,
          model: r.model,
          diffs: r.diffs,
        })),
        notes: c.noteMessages,
      },
      message: null,
    };
  }
}
