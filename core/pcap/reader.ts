/**
 * An incremental pcap / pcapng reader: push the file in chunks, get the packets so far and
 * the progress, and a diagnostic naming the block and byte offset when the bytes are wrong.
 * Pure TypeScript with no Node or DOM API, so it runs in a Web Worker.
 *
 * Formats: pcap (libpcap's savefile: both byte orders, micro- and nanosecond magic) and
 * pcapng (draft-ietf-opsawg-pcapng: SHB, IDB, EPB, SPB and the obsolete PB; several
 * interfaces with their own link type and if_tsresol; both byte orders, per section;
 * every other block skipped). Packet bytes stay views of the pushed chunks; only a record
 * that straddles two chunks is copied, once.
 *
 * It never throws: anything unexpected becomes an `internal` diagnostic and reading stops,
 * with everything read before it kept.
 */
import { hex, u16, u32, u64 } from './bytes.ts';
import { pcapMessage, type MessageValues, type PcapMessageCode } from './messages.ts';
import type {
  CaptureFormat,
  CaptureInterface,
  CaptureTime,
  CapturedPacket,
  PcapCapture,
  PcapDiagnostic,
  PcapLimits,
  PcapProgress,
  PcapPushResult,
} from './types.ts';

export const DEFAULT_LIMITS: PcapLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxPackets: 2_000_000,
  maxSnaplen: 262_144,
  maxBlock: 16 * 1024 * 1024,
};

const UTF8 = new TextDecoder('utf-8');

/** The same finding is kept at most this many times; the rest are counted in `suppressed`. */
const MAX_SAME_DIAGNOSTIC = 100;

const PCAP_MAGIC_US = 0xa1b2c3d4;
const PCAP_MAGIC_NS = 0xa1b23c4d;
const NG_SHB = 0x0a0d0d0a;
const NG_BOM = 0x1a2b3c4d;
const NG_IDB = 1;
const NG_PB = 2;
const NG_SPB = 3;
const NG_EPB = 6;

/** Names of pcapng block types, for diagnostics and the skipped count. */
const BLOCK_NAMES: Record<number, string> = {
  [NG_SHB]: 'SHB',
  [NG_IDB]: 'IDB',
  [NG_PB]: 'PB',
  [NG_SPB]: 'SPB',
  4: 'NRB',
  5: 'ISB',
  [NG_EPB]: 'EPB',
  7: 'IRIG timestamp block',
  8: 'AFDX block',
  9: 'systemd journal block',
  10: 'DSB',
  0xbad: 'custom block',
  0x40000bad: 'custom block',
};

export const blockName = (type: number): string =>
  BLOCK_NAMES[type] ?? `block 0x${type.toString(16).padStart(8, '0')}`;

/** The chunks pushed so far, addressed by file offset. */
class Chunks {
  private list: Uint8Array[] = [];
  private starts: number[] = [];
  total = 0;

  add(c: Uint8Array): void {
    if (!c.length) return;
    this.list.push(c);
    this.starts.push(this.total);
    this.total += c.length;
  }

  /** Forget chunks wholly before `pos` (packets already handed out keep their own views). */
  trim(pos: number): void {
    let k = 0;
    while (k < this.list.length && (this.starts[k] as number) + (this.list[k] as Uint8Array).length <= pos)
      k++;
    if (k) {
      this.list.splice(0, k);
      this.starts.splice(0, k);
    }
  }

  /** Bytes [off, off + len): a view when one chunk holds them, else one copy. */
  view(off: number, len: number): Uint8Array {
    if (len <= 0) return new Uint8Array(0);
    let i = 0;
    while (i < this.list.length && (this.starts[i] as number) + (this.list[i] as Uint8Array).length <= off)
      i++;
    const first = this.list[i] as Uint8Array;
    const rel = off - (this.starts[i] as number);
    if (rel + len <= first.length) return first.subarray(rel, rel + len);
    const out = new Uint8Array(len);
    let done = 0;
    let pos = rel;
    for (let k = i; k < this.list.length && done < len; k++) {
      const c = this.list[k] as Uint8Array;
      const n = Math.min(c.length - pos, len - done);
      out.set(c.subarray(pos, pos + n), done);
      done += n;
      pos = 0;
    }
    return out;
  }
}

interface Section {
  le: boolean;
  /** Indexes into `interfaces` of this section's IDBs, in order. */
  ifaces: number[];
}

type State = 'start' | 'pcap-header' | 'pcap-record' | 'ng-block' | 'stopped';

export interface PcapReader {
  /** Feed the next bytes of the file. */
  push(chunk: Uint8Array | ArrayBuffer): PcapPushResult;
  /** No more bytes: a partial block left over is reported as truncated. */
  end(): PcapPushResult;
  /** Everything read so far. */
  capture(): PcapCapture;
}

/** Timestamp units → seconds and nanoseconds, exactly (BigInt: 64-bit pcapng values). */
function toTime(units: bigint, iface: CaptureInterface): CaptureTime {
  const { base, exp } = iface.tsresol;
  const per = base === 10 ? 10n ** BigInt(exp) : 1n << BigInt(exp);
  const sec = units / per;
  const nsec = ((units % per) * 1_000_000_000n) / per;
  return { sec: Number(sec) + iface.tsoffset, nsec: Number(nsec) };
}

export function createPcapReader(limits: Partial<PcapLimits> = {}): PcapReader {
  const lim: PcapLimits = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof PcapLimits)[]) {
    const v = (limits as Record<string, unknown> | null)?.[k];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) lim[k] = v;
  }
  const chunks = new Chunks();
  let pos = 0;
  let state: State = 'start';
  let done = false;
  let format: CaptureFormat | null = null;
  let firstEndian: 'le' | 'be' | null = null;
  let nanosecond = false;
  let le = true;
  /** pcap: the one interface; pcapng: the current section. */
  let section: Section | null = null;
  let sectionCount = 0;
  let overLimit = false;
  const interfaces: CaptureInterface[] = [];
  const packets: CapturedPacket[] = [];
  const diagnostics: PcapDiagnostic[] = [];
  const suppressed: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  let added: CapturedPacket[] = [];
  let fresh: PcapDiagnostic[] = [];

  const note = (
    severity: PcapDiagnostic['severity'],
    code: PcapMessageCode,
    block: string,
    offset: number,
    values: MessageValues = {},
  ): void => {
    const same = (counts[code] = (counts[code] ?? 0) + 1);
    if (same > MAX_SAME_DIAGNOSTIC) {
      suppressed[code] = (suppressed[code] ?? 0) + 1;
      return;
    }
    const d: PcapDiagnostic = {
      severity,
      code,
      block,
      offset,
      values: { block, offset, ...values },
      message: pcapMessage(code, { block, offset, ...values }),
    };
    diagnostics.push(d);
    fresh.push(d);
  };
  const stop = (code: PcapMessageCode, block: string, offset: number, values: MessageValues = {}): false => {
    note('error', code, block, offset, values);
    state = 'stopped';
    return false;
  };

  const progress = (): PcapProgress => ({
    bytes: chunks.total,
    consumed: pos,
    packets: packets.length,
    stopped: state === 'stopped',
    done,
  });

  const emit = (
    block: string,
    offset: number,
    iface: number,
    time: CaptureTime,
    dataOffset: number,
    data: Uint8Array,
    origlen: number,
  ): boolean => {
    if (packets.length >= lim.maxPackets)
      return stop('limit-packets', block, offset, { limit: lim.maxPackets });
    const p: CapturedPacket = {
      index: packets.length,
      offset,
      block,
      interface: iface,
      linkType: (interfaces[iface] as CaptureInterface).linkType,
      time,
      caplen: data.length,
      origlen,
      data,
      dataOffset,
    };
    packets.push(p);
    added.push(p);
    return true;
  };

  const avail = (): number => chunks.total - pos;

  /** The limit on one packet, checked as soon as its header is read (no waiting for 4 GB). */
  const limitCaplen = (block: string, offset: number, caplen: number): boolean =>
    caplen > lim.maxSnaplen
      ? stop('caplen-over-limit', block, offset, { caplen, limit: lim.maxSnaplen })
      : true;
  /** The warnings libpcap would print, once the whole record is there (so once per record). */
  const warnCaplen = (
    block: string,
    offset: number,
    caplen: number,
    origlen: number,
    snaplen: number,
  ): void => {
    if (snaplen > 0 && caplen > snaplen)
      note('warning', 'caplen-over-snaplen', block, offset, { caplen, snaplen });
    if (caplen > origlen) note('warning', 'caplen-over-origlen', block, offset, { caplen, origlen });
  };

  /* ---- pcap (libpcap sf-pcap.c) ---- */

  const pcapHeader = (): boolean => {
    if (avail() < 24) return false;
    const h = chunks.view(pos, 24);
    const major = u16(h, 4, le);
    const minor = u16(h, 6, le);
    if (major !== 2) return stop('bad-version', 'pcap file header', pos, { major, minor, want: 'pcap 2.4' });
    const snaplen = u32(h, 16, le);
    // The top bits of the link-type word carry FCS information (LT_FCS_*); the type is the low 26.
    const linkType = u32(h, 20, le) & 0x03ffffff;
    interfaces.push({
      id: 0,
      section: 0,
      linkType,
      snaplen,
      tsresol: { base: 10, exp: nanosecond ? 9 : 6 },
      tsoffset: 0,
      offset: 0,
    });
    section = { le, ifaces: [0] };
    pos += 24;
    state = 'pcap-record';
    return true;
  };

  const pcapRecord = (): boolean => {
    if (avail() < 16) return false;
    const h = chunks.view(pos, 16);
    const caplen = u32(h, 8, le);
    const origlen = u32(h, 12, le);
    const iface = interfaces[0] as CaptureInterface;
    if (!limitCaplen('pcap record', pos, caplen)) return false;
    if (avail() < 16 + caplen) return false;
    warnCaplen('pcap record', pos, caplen, origlen, iface.snaplen);
    const sec = u32(h, 0, le);
    const frac = u32(h, 4, le);
    const time = { sec, nsec: nanosecond ? frac : frac * 1000 };
    if (!emit('pcap record', pos, 0, time, pos + 16, chunks.view(pos + 16, caplen), origlen)) return false;
    pos += 16 + caplen;
    return true;
  };

  /* ---- pcapng (draft-ietf-opsawg-pcapng, libpcap sf-pcapng.c) ---- */

  /** Walk the options of a block body from `from`; calls `each(code, valueOffset, len)`. */
  const options = (
    body: Uint8Array,
    from: number,
    block: string,
    blockOffset: number,
    bodyOffset: number,
    each: (code: number, at: number, len: number) => void,
  ): void => {
    let o = from;
    while (o + 4 <= body.length) {
      const code = u16(body, o, le);
      const len = u16(body, o + 2, le);
      if (code === 0) return;
      if (o + 4 + len > body.length) {
        note('warning', 'bad-option', block, blockOffset, { option: code, at: bodyOffset + o });
        return;
      }
      each(code, o + 4, len);
      o += 4 + ((len + 3) & ~3);
    }
  };

  const ngBlock = (): boolean => {
    if (avail() < 8) return false;
    const start = pos;
    let head = chunks.view(pos, Math.min(avail(), 12));
    const rawType = u32(head, 0, true);
    if (rawType === NG_SHB) {
      // The section's byte order is in its byte-order magic, read before its length.
      if (head.length < 12) return false;
      const bom = u32(head, 8, true);
      if (bom === NG_BOM) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else return stop('bad-byte-order-magic', 'SHB', start, { hex: hex(head, 8, 12) });
      firstEndian ??= le ? 'le' : 'be';
    } else if (!section) {
      return stop('bad-magic', blockName(rawType), start, { hex: hex(head, 0, 4) });
    }
    head = chunks.view(pos, 8);
    const type = u32(head, 0, le);
    const name = blockName(type);
    const length = u32(head, 4, le);
    const min = type === NG_SHB ? 28 : 12;
    if (length < min || length % 4 !== 0) return stop('bad-block-length', name, start, { length, min });
    if (length > lim.maxBlock) return stop('block-too-long', name, start, { length, limit: lim.maxBlock });
    if (avail() < length) return false;
    const block = chunks.view(pos, length);
    const trailing = u32(block, length - 4, le);
    if (trailing !== length) return stop('length-mismatch', name, start, { length, trailing });
    const body = block.subarray(8, length - 4);
    const bodyOffset = start + 8;
    let ok = true;
    switch (type) {
      case NG_SHB: {
        const major = u16(body, 4, le);
        const minor = u16(body, 6, le);
        if (major !== 1) return stop('bad-version', 'SHB', start, { major, minor, want: 'pcapng 1.x' });
        section = { le, ifaces: [] };
        sectionCount++;
        break;
      }
      case NG_IDB: {
        const sec = section as Section;
        if (body.length < 8) return stop('truncated', 'IDB', start, { need: 8, have: body.length });
        const iface: CaptureInterface = {
          id: interfaces.length,
          section: sectionCount - 1,
          linkType: u16(body, 0, le),
          snaplen: u32(body, 4, le),
          tsresol: { base: 10, exp: 6 },
          tsoffset: 0,
          offset: start,
        };
        options(body, 8, 'IDB', start, bodyOffset, (code, at, len) => {
          if (code === 2 && len > 0) {
            // if_name is UTF-8 (pcapng strings are); some writers end it with a NUL.
            const value = body.subarray(at, at + len);
            const nul = value.indexOf(0);
            iface.name = UTF8.decode(nul >= 0 ? value.subarray(0, nul) : value);
          } else if (code === 9 && len >= 1) {
            const v = body[at] as number;
            const base = v & 0x80 ? 2 : 10;
            const exp = v & 0x7f;
            if ((base === 10 && exp > 18) || (base === 2 && exp > 63))
              note('warning', 'bad-tsresol', 'IDB', start, { hex: v.toString(16).padStart(2, '0') });
            else iface.tsresol = { base, exp };
          } else if (code === 14 && len >= 8) {
            const v = u64(body, at, le);
            iface.tsoffset = Number(BigInt.asIntN(64, v));
          }
        });
        sec.ifaces.push(interfaces.length);
        interfaces.push(iface);
        break;
      }
      case NG_EPB:
      case NG_PB: {
        const epb = type === NG_EPB;
        const fixed = 20;
        if (body.length < fixed) return stop('truncated', name, start, { need: fixed + 12, have: length });
        const ifId = epb ? u32(body, 0, le) : u16(body, 0, le);
        const caplen = u32(body, 12, le);
        const origlen = u32(body, 16, le);
        const sec = section as Section;
        const iface = sec.ifaces[ifId];
        if (iface === undefined) {
          note('error', 'no-interface', name, start, { interface: ifId, count: sec.ifaces.length });
          break;
        }
        if (caplen > body.length - fixed)
          return stop('caplen-over-block', name, start, { caplen, room: body.length - fixed });
        const ifc = interfaces[iface] as CaptureInterface;
        if (!limitCaplen(name, start, caplen)) return false;
        warnCaplen(name, start, caplen, origlen, ifc.snaplen);
        // The options after the padded data (opt_comment, epb_flags…): only checked to fit the block.
        options(body, fixed + caplen + ((4 - (caplen % 4)) % 4), name, start, bodyOffset, () => {});
        const units = (BigInt(u32(body, 4, le)) << 32n) | BigInt(u32(body, 8, le));
        ok = emit(
          name,
          start,
          iface,
          toTime(units, ifc),
          bodyOffset + fixed,
          body.subarray(fixed, fixed + caplen),
          origlen,
        );
        break;
      }
      case NG_SPB: {
        const sec = section as Section;
        const iface = sec.ifaces[0];
        if (iface === undefined) {
          note('error', 'no-interface', 'SPB', start, { interface: 0, count: 0 });
          break;
        }
        if (body.length < 4) return stop('truncated', 'SPB', start, { need: 16, have: length });
        const ifc = interfaces[iface] as CaptureInterface;
        const origlen = u32(body, 0, le);
        // An SPB's captured length is implied: the original length cut to the snaplen and the block.
        let caplen = Math.min(origlen, body.length - 4);
        if (ifc.snaplen > 0) caplen = Math.min(caplen, ifc.snaplen);
        if (!limitCaplen('SPB', start, caplen)) return false;
        ok = emit(
          'SPB',
          start,
          iface,
          { sec: 0, nsec: 0 },
          bodyOffset + 4,
          body.subarray(4, 4 + caplen),
          origlen,
        );
        break;
      }
      default: {
        const count = (skipped[name] = (skipped[name] ?? 0) + 1);
        if (count === 1) note('info', 'block-skipped', name, start, { count });
      }
    }
    if (!ok) return false;
    pos += length;
    return true;
  };

  const detect = (): boolean => {
    if (avail() < 4) return false;
    const m = chunks.view(0, 4);
    const be = u32(m, 0, false);
    const lee = u32(m, 0, true);
    if (be === PCAP_MAGIC_US || be === PCAP_MAGIC_NS || lee === PCAP_MAGIC_US || lee === PCAP_MAGIC_NS) {
      format = 'pcap';
      le = lee === PCAP_MAGIC_US || lee === PCAP_MAGIC_NS;
      nanosecond = (le ? lee : be) === PCAP_MAGIC_NS;
      firstEndian = le ? 'le' : 'be';
      state = 'pcap-header';
      return true;
    }
    if (be === NG_SHB) {
      format = 'pcapng';
      state = 'ng-block';
      return true;
    }
    return stop('bad-magic', 'file header', 0, { hex: hex(m, 0, 4) });
  };

  const parse = (): void => {
    for (;;) {
      let progressed: boolean;
      switch (state) {
        case 'start':
          progressed = detect();
          break;
        case 'pcap-header':
          progressed = pcapHeader();
          break;
        case 'pcap-record':
          progressed = pcapRecord();
          break;
        case 'ng-block':
          progressed = ngBlock();
          break;
        default:
          progressed = false;
      }
      if (!progressed) break;
    }
    chunks.trim(pos);
  };

  /** What the block being read when the bytes ran out is called. */
  const pendingBlock = (): string => {
    if (state === 'start') return 'file header';
    if (state === 'pcap-header') return 'pcap file header';
    if (state === 'pcap-record') return 'pcap record';
    if (avail() >= 4) {
      const h = chunks.view(pos, 4);
      const t = u32(h, 0, le);
      return blockName(u32(h, 0, true) === NG_SHB ? NG_SHB : t);
    }
    return 'pcapng block header';
  };

  /** How many bytes the pending block needs, as far as its header tells. */
  const pendingNeed = (): number => {
    if (state === 'start') return 4;
    if (state === 'pcap-header') return 24;
    if (state === 'pcap-record') {
      if (avail() < 16) return 16;
      return 16 + u32(chunks.view(pos, 16), 8, le);
    }
    if (avail() < 8) return 8;
    return u32(chunks.view(pos, 8), 4, le);
  };

  const finish = (): PcapPushResult => {
    const r = { added, diagnostics: fresh, progress: progress() };
    added = [];
    fresh = [];
    return r;
  };

  const guard = (f: () => void): PcapPushResult => {
    try {
      f();
    } catch (e) {
      note('error', 'internal', 'reader', pos, { what: e instanceof Error ? e.message : String(e) });
      state = 'stopped';
    }
    return finish();
  };

  return {
    push(chunk) {
      return guard(() => {
        if (state === 'stopped' || done) return;
        let bytes: Uint8Array;
        if (chunk instanceof Uint8Array) bytes = chunk;
        else if (chunk instanceof ArrayBuffer) bytes = new Uint8Array(chunk);
        else {
          note('warning', 'bad-chunk', 'reader', chunks.total, {
            what: chunk === null ? 'null' : typeof chunk,
          });
          return;
        }
        const room = lim.maxBytes - chunks.total;
        if (bytes.length > room) {
          bytes = bytes.subarray(0, Math.max(0, room));
          overLimit = true;
        }
        chunks.add(bytes);
        parse();
        if (overLimit && (state as State) !== 'stopped')
          stop('limit-bytes', 'reader', lim.maxBytes, { limit: lim.maxBytes });
      });
    },
    end() {
      return guard(() => {
        if (done) return;
        done = true;
        if (state === 'stopped') return;
        if (chunks.total === 0) {
          stop('empty-file', 'file header', 0);
          return;
        }
        if (avail() > 0 || state === 'start' || state === 'pcap-header')
          stop('truncated', pendingBlock(), pos, { need: pendingNeed(), have: avail() });
      });
    },
    capture() {
      return {
        format,
        endian: firstEndian,
        nanosecond,
        interfaces,
        packets,
        diagnostics: [
          ...diagnostics,
          ...Object.entries(suppressed).map(([what, count]) => ({
            severity: 'info' as const,
            code: 'more-findings' as const,
            block: 'reader',
            offset: pos,
            values: { count, what },
            message: pcapMessage('more-findings', { count, what }),
          })),
        ],
        progress: progress(),
        skipped,
      };
    },
  };
}

/** Read a whole file held in memory (the CLI, tests): one push, then end. */
export function readPcap(bytes: Uint8Array, limits: Partial<PcapLimits> = {}): PcapCapture {
  const r = createPcapReader(limits);
  r.push(bytes);
  r.end();
  return r.capture();
}
