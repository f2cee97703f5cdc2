/**
 * The shapes core/pcap returns: captured packets as byte ranges of the file (never copies,
 * except for a block split across two pushed chunks), diagnostics that name the block and
 * the byte offset, and the dissected view of each packet in the model's terms.
 */
import type { MessageValues, PcapMessageCode } from './messages.ts';

/** A finding about the file, never an exception. `offset` is the byte of the file it is about. */
export interface PcapDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: PcapMessageCode;
  /** The block or record it is about: `SHB`, `IDB`, `EPB`, `SPB`, `PB`, `pcap record`, `pcap file header`, `block 0x…`. */
  block: string;
  /** Byte offset in the file. */
  offset: number;
  values: MessageValues;
  /** The English sentence (from messages.ts). */
  message: string;
}

export type CaptureFormat = 'pcap' | 'pcapng';

/** One capture interface: a pcap file has one, a pcapng section one per IDB. */
export interface CaptureInterface {
  /** Index in the file across sections (pcapng: sections number their own IDBs from 0). */
  id: number;
  section: number;
  linkType: number;
  snaplen: number;
  /** Timestamp units per second as if_tsresol gives them (10^6 by default). */
  tsresol: { base: 10 | 2; exp: number };
  /** if_tsoffset, seconds added to every timestamp. */
  tsoffset: number;
  name?: string;
  /** Byte offset of the IDB (or the pcap file header). */
  offset: number;
}

/** A capture timestamp: whole seconds and nanoseconds (exact for ns-resolution files). */
export interface CaptureTime {
  sec: number;
  nsec: number;
}

/** One captured packet. `data` is a view of the bytes pushed in, not a copy. */
export interface CapturedPacket {
  /** 0, 1, 2… in file order. */
  index: number;
  /** Byte offset of its record header or block in the file. */
  offset: number;
  /** The block it came from: `pcap record`, `EPB`, `SPB` or `PB`. */
  block: string;
  /** Index into the reader's `interfaces`. */
  interface: number;
  linkType: number;
  time: CaptureTime;
  /** Captured length (bytes in `data`). */
  caplen: number;
  /** Length on the wire. */
  origlen: number;
  data: Uint8Array;
  /** Byte offset of `data` in the file. */
  dataOffset: number;
}

export interface PcapLimits {
  /** Bytes of file read at most (default 256 MiB). */
  maxBytes: number;
  /** Packets read at most (default 2,000,000). */
  maxPackets: number;
  /** Captured bytes of one packet at most (default 262,144: libpcap's MAXIMUM_SNAPLEN). */
  maxSnaplen: number;
  /** One pcapng block at most (default 16 MiB: libpcap's MAX_BLOCKSIZE). */
  maxBlock: number;
}

export interface PcapProgress {
  /** Bytes pushed so far. */
  bytes: number;
  /** Bytes taken apart into headers, blocks and records so far. */
  consumed: number;
  packets: number;
  /** Reading stopped (a fatal finding or a limit); further pushes are ignored. */
  stopped: boolean;
  /** `end()` was called. */
  done: boolean;
}

export interface PcapPushResult {
  /** Packets completed by this push (or by `end()`), in file order. */
  added: CapturedPacket[];
  /** Findings made by this push. */
  diagnostics: PcapDiagnostic[];
  progress: PcapProgress;
}

/** Everything read: usable whatever happened. */
export interface PcapCapture {
  format: CaptureFormat | null;
  /** `le` / `be`: the file's (first section's) byte order. */
  endian: 'le' | 'be' | null;
  /** pcap: the magic says nanoseconds. */
  nanosecond: boolean;
  interfaces: CaptureInterface[];
  packets: CapturedPacket[];
  diagnostics: PcapDiagnostic[];
  progress: PcapProgress;
  /** pcapng blocks skipped, by type name. */
  skipped: Record<string, number>;
}
