/**
 * What the page and the capture worker say to each other (structured-clonable data only: no
 * packet bytes cross except a netlink frame's hex, cut to the Netlink lab's bound). The worker
 * keeps the capture; the page asks for one page of rows at a time and for one comparison.
 */
import type { Msg } from '../../core/i18n/index.ts';
import type { ArrivalVerdict, DefragInput, SendInput, WireFacts } from '../../core/ip/index.ts';
import type { ComparedField, PcapMessageCode, MessageValues } from '../../core/pcap/index.ts';

/** A finding about the file or a packet, in the catalog's terms (rendered in the page's language). */
export interface DiagnosticRow {
  severity: 'error' | 'warning' | 'info';
  code: PcapMessageCode;
  values: MessageValues;
  block: string;
  offset: number;
}

/** One row of the packet list. */
export interface PacketRow {
  index: number;
  /** Milliseconds since the capture's first packet (to the microsecond). */
  ms: number;
  caplen: number;
  origlen: number;
  /** `LINKTYPE_ETHERNET`… */
  link: string;
  kind: 'ipv4' | 'ipv6' | 'netlink' | 'other';
  src?: string;
  dst?: string;
  /** IP protocol / IPv6 upper-layer protocol. */
  protocol?: number;
  ipId?: number;
  /** An IP fragment: its byte range in the datagram and MF. */
  frag?: { offset: number; length: number; mf: boolean; group: number | null };
  udp?: { srcPort: number; dstPort: number; length: number };
  /** Netlink: the messages' type names. */
  netlink?: { messages: number; types: string[] };
  /** Findings about this packet. */
  issues: number;
}

/** One fragment of a group replayed: the model's verdict for it. */
export interface GroupArrivalRow {
  packet: number;
  ms: number;
  offset: number;
  length: number;
  mf: boolean;
  verdict: ArrivalVerdict | null;
  fn: string | null;
}

export interface GroupRow {
  serial: number;
  family: 'inet' | 'inet6';
  src: string;
  dst: string;
  id: number;
  protocol: number;
  packets: number[];
  /** The model's input for it (null when it was not replayed: past the replay bound). */
  input: DefragInput | null;
  arrivals: GroupArrivalRow[];
  /** Bytes delivered by the model (null: nothing delivered, or not replayed). */
  delivered: number | null;
  /** Why the model could not take it (core's validation message). */
  failed: string | null;
  diagnostics: DiagnosticRow[];
}

export interface NetlinkRow {
  packet: number;
  family: 'route' | 'generic' | 'raw';
  protocol: number;
  endian: 'le' | 'be';
  /** The frame's netlink bytes as hex (null: over the Netlink lab's bound). */
  hex: string | null;
  length: number;
  types: string[];
}

export interface CaptureSummary {
  name: string;
  size: number;
  format: 'pcap' | 'pcapng' | null;
  endian: 'le' | 'be' | null;
  nanosecond: boolean;
  interfaces: { id: number; link: string; name: string | null }[];
  packets: number;
  bytesRead: number;
  /** Reading stopped early (a fatal finding or a limit): what came before is listed. */
  stopped: boolean;
  diagnostics: DiagnosticRow[];
  groups: GroupRow[];
  /** Groups found past the list's bound (not listed). */
  groupsLeftOut: number;
  netlink: NetlinkRow[];
  netlinkLeftOut: number;
  /** Whole (unfragmented) IP datagrams. */
  datagrams: number;
  /** The browser could not read the file past a point (what came before is listed). */
  readError: Msg | null;
}

export interface CompareRowView {
  index: number;
  packet: number | null;
  captured: WireFacts | null;
  model: WireFacts | null;
  diffs: ComparedField[];
}

export interface ComparisonView {
  group: number;
  input: SendInput;
  modelOk: boolean;
  agree: boolean;
  rows: CompareRowView[];
  notes: Msg[];
}

/** What the worker is doing: reading the file, taking its packets apart, replaying fragment groups. */
export type CapturePhase = 'read' | 'analyse' | 'replay';

export type PageRequest =
  | { type: 'open'; seq: number; file: Blob; name: string }
  | { type: 'rows'; seq: number; from: number; count: number }
  | { type: 'compare'; seq: number; group: number; mtu?: number };

export type WorkerReply =
  | {
      type: 'progress';
      seq: number;
      /** `read`: bytes of the file; `analyse`: packets taken apart; `replay`: groups replayed. */
      phase: CapturePhase;
      done: number;
      total: number;
      packets: number;
    }
  | { type: 'done'; seq: number; summary: CaptureSummary }
  | { type: 'failed'; seq: number; message: Msg }
  | { type: 'rows'; seq: number; from: number; rows: PacketRow[] }
  | { type: 'compared'; seq: number; comparison: ComparisonView | null; message: Msg | null };
