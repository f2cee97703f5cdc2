/** Little helpers to read and write integers in either byte order, straight from the bytes. */

/** Byte order: `le` little-endian, `be` big-endian (network order). */
export type ByteOrder = 'le' | 'be';

const at = (b: Uint8Array, o: number): number => b[o] ?? 0;

export function u8(b: Uint8Array, o: number): number {
  return at(b, o);
}

export function u16(b: Uint8Array, o: number, le: boolean): number {
  return le ? at(b, o) | (at(b, o + 1) << 8) : (at(b, o) << 8) | at(b, o + 1);
}

export function u32(b: Uint8Array, o: number, le: boolean): number {
  return le
    ? (at(b, o) | (at(b, o + 1) << 8) | (at(b, o + 2) << 16) | (at(b, o + 3) << 24)) >>> 0
    : ((at(b, o) << 24) | (at(b, o + 1) << 16) | (at(b, o + 2) << 8) | at(b, o + 3)) >>> 0;
}

/** A 64-bit unsigned value made of two 32-bit halves, as pcapng stores timestamps. */
export function u64(b: Uint8Array, o: number, le: boolean): bigint {
  const lo = le ? u32(b, o, true) : u32(b, o + 4, false);
  const hi = le ? u32(b, o + 4, true) : u32(b, o, false);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

export function hex(b: Uint8Array, from = 0, to = b.length): string {
  let s = '';
  for (let i = from; i < to && i < b.length; i++) s += at(b, i).toString(16).padStart(2, '0');
  return s;
}

/** A growable byte buffer for the writer: appends integers in a chosen byte order. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;
  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial);
  }
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
  }
  u16(v: number, le: boolean): void {
    this.room(2);
    const b = this.buf;
    const o = this.length;
    if (le) {
      b[o] = v & 0xff;
      b[o + 1] = (v >>> 8) & 0xff;
    } else {
      b[o] = (v >>> 8) & 0xff;
      b[o + 1] = v & 0xff;
    }
    this.length += 2;
  }
  u32(v: number, le: boolean): void {
    this.room(4);
    const b = this.buf;
    const o = this.length;
    for (let i = 0; i < 4; i++) b[o + (le ? i : 3 - i)] = (v >>> (8 * i)) & 0xff;
    this.length += 4;
  }
  bytes(src: Uint8Array): void {
    this.room(src.length);
    this.buf.set(src, this.length);
    this.length += src.length;
  }
  zeros(n: number): void {
    this.room(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  /** Overwrite a 32-bit value already written (block lengths known only at the end). */
  setU32(o: number, v: number, le: boolean): void {
    for (let i = 0; i < 4; i++) this.buf[o + (le ? i : 3 - i)] = (v >>> (8 * i)) & 0xff;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
