/** Hex text in and out: what people paste (spaces, colons, 0x, \x, newlines) and what the CLI prints. */

/** Parse hex text; separators (whitespace , : - and 0x / \x prefixes) are ignored. */
export function parseHex(s: string): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  const clean = s.replace(/0x|\\x/gi, '').replace(/[\s,:;-]+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(clean)) {
    const bad = clean.match(/[^0-9a-fA-F]/)?.[0] ?? '?';
    return { ok: false, why: `not hex: unexpected character "${bad}"` };
  }
  if (clean.length % 2)
    return { ok: false, why: `odd number of hex digits (${clean.length}): a byte needs two` };
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.substr(i * 2, 2), 16);
  return { ok: true, bytes };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i] as number];
  return s;
}

/** `hexdump -C`-like lines, 16 bytes each, for the CLI. */
export function hexDump(b: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 16) {
    const row = b.subarray(i, i + 16);
    const hx = Array.from(row, (x) => HEX[x]).join(' ');
    lines.push(
      `${i.toString(16).padStart(8, '0')}  ${hx.padEnd(47)}  |${Array.from(row, (x) => (x >= 32 && x < 127 ? String.fromCharCode(x) : '.')).join('')}|`,
    );
  }
  return lines.join('\n');
}
