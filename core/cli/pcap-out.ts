/**
 * `--pcap OUT` for the fragment, reassemble and netlink commands: one function each command
 * calls with its result, writing the lab's case as a pcapng file Wireshark opens.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import {
  ipSend,
  reassemble,
  type DefragInput,
  type DefragResult,
  type SendInput,
  type SendResult,
} from '../ip/index.ts';
import { parseHex } from '../netlink/index.ts';
import { exportNetlink, exportReassembly, exportSend, type ExportResult } from '../pcap/index.ts';
import { defineMessages, type Locale } from '../i18n/index.ts';
import { parseFlags, type CliContext, type CommandResult } from './args.ts';
import { renderHelp } from './help.ts';
import { NETLINK_FLAGS } from './netlink.ts';

const H = defineMessages({
  pcap: {
    id: 'cli.pcapOut.help',
    defaultMessage:
      'also write the case as a pcapng capture Wireshark opens (<code>fragment</code>: the wire{br}packets as Ethernet/IPv4 or IPv6 frames with correct checksums; <code>reassemble</code>: the{br}arrivals in order at their times, verdicts as packet comments; <code>netlink</code>: the buffer{br}as <code>LINKTYPE_NETLINK</code>)',
    description: 'br: a line break (keeps the option column).',
  },
});

/** The `--pcap OUT` option's help in `locale`. */
export const pcapOutHelp = (locale: Locale = 'en'): string =>
  renderHelp([['  --pcap OUT  ', H.pcap]], locale);

export const PCAP_OUT_HELP = pcapOutHelp('en');
/** Bytes of a netlink --file read at most for --pcap. */
const MAX_NETLINK_FILE = 16 * 1024 * 1024;

/** The value of `--pcap OUT` / `--pcap=OUT` in raw arguments (null: not given; error: no file). */
export function pcapOutArg(
  args: readonly string[],
): { ok: true; path: string | null } | { ok: false; why: string } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--pcap') {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) return { ok: false, why: '--pcap needs a file name' };
      return { ok: true, path: v };
    }
    if (a.startsWith('--pcap=')) {
      const v = a.slice(7);
      return v ? { ok: true, path: v } : { ok: false, why: '--pcap needs a file name' };
    }
  }
  return { ok: true, path: null };
}

/** The arguments without `--pcap OUT`, for parsers that do not know the flag. */
export function withoutPcapArg(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--pcap') i++;
    else if (!a.startsWith('--pcap=')) out.push(a);
  }
  return out;
}

export type PcapOutCase =
  | { kind: 'send'; result: SendResult }
  | { kind: 'reassembly'; result: DefragResult }
  | { kind: 'netlink'; bytes: Uint8Array; family: string | number };

/** Write the case to `path`; the line to print (or why it failed). */
export function writePcapOut(path: string, c: PcapOutCase): { ok: boolean; line: string } {
  let e: ExportResult;
  if (c.kind === 'send') e = exportSend(c.result);
  else if (c.kind === 'reassembly')
    e = c.result.ok
      ? exportReassembly(c.result)
      : { ok: false, code: 'export-bad-input', message: c.result.why };
  else e = exportNetlink([{ bytes: c.bytes, family: c.family }]);
  if (!e.ok) return { ok: false, line: `--pcap: ${e.message}` };
  try {
    writeFileSync(path, e.bytes);
  } catch (err) {
    return {
      ok: false,
      line: `--pcap: cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
  return {
    ok: true,
    line: `wrote ${e.packets} packet(s) to ${path} (pcapng, ${e.linkType === 253 ? 'LINKTYPE_NETLINK' : e.linkType === 1 ? 'Ethernet' : 'raw IP'})`,
  };
}

function netlinkBytes(args: string[]): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  const f = parseFlags(args, NETLINK_FLAGS);
  if (!f.ok) return f;
  if (typeof f.flags.hex === 'string') {
    const h = parseHex(f.flags.hex);
    return h.ok ? { ok: true, bytes: h.bytes } : { ok: false, why: h.why };
  }
  if (typeof f.flags.file === 'string') {
    try {
      const fd = openSync(f.flags.file, 'r');
      const buf = new Uint8Array(MAX_NETLINK_FILE);
      let n = 0;
      try {
        for (let k; n < buf.length && (k = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += k;
      } finally {
        closeSync(fd);
      }
      const b = buf.subarray(0, n);
      const text = new TextDecoder().decode(b);
      // A file of hex text is read as hex, as `netlink decode --file` reads it.
      if (/^[\s0-9a-fA-Fx:,;-]*$/.test(text) && /[0-9a-fA-F]/.test(text)) {
        const h = parseHex(text);
        if (h.ok) return { ok: true, bytes: h.bytes };
      }
      return { ok: true, bytes: b.slice() };
    } catch (e) {
      return {
        ok: false,
        why: `cannot read ${f.flags.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      };
    }
  }
  return { ok: false, why: 'no --hex or --file' };
}

/**
 * A command with `--pcap OUT`: runs it without the flag as usual, then once more with `--json`
 * to take its input (fragment, reassemble) or its bytes (netlink encode), and writes the capture.
 */
export function withPcapOut(
  kind: 'fragment' | 'reassemble' | 'netlink',
  run: (args: string[], ctx?: CliContext) => CommandResult,
): (args: string[], ctx?: CliContext) => CommandResult {
  return (args, ctx) => {
    const call = (a: string[]) => run(a, ctx);
    if (args.includes('--help')) {
      const h = call(args);
      return { code: h.code, out: `${h.out}\n${pcapOutHelp(ctx?.locale)}` };
    }
    const po = pcapOutArg(args);
    if (!po.ok) return { code: 2, out: po.why };
    if (!po.path) return call(args);
    const rest = withoutPcapArg(args);
    const shown = call(rest);
    if (shown.code !== 0 && shown.code !== 1) return shown;
    let c: PcapOutCase;
    try {
      if (kind === 'netlink') {
        const f = parseFlags(rest, NETLINK_FLAGS);
        const family = f.ok && typeof f.flags.family === 'string' ? f.flags.family : 'route';
        const sub = f.ok ? f.positionals[0] : undefined;
        let bytes: Uint8Array;
        if (sub === 'encode') {
          const j = JSON.parse(call([...rest.filter((a) => a !== '--json'), '--json']).out) as {
            hex: string;
          };
          const h = parseHex(j.hex);
          if (!h.ok) return { code: 2, out: `${shown.out}\n--pcap: ${h.why}` };
          bytes = h.bytes;
        } else {
          const b = netlinkBytes(rest);
          if (!b.ok) return { code: 2, out: `${shown.out}\n--pcap: ${b.why}` };
          bytes = b.bytes;
        }
        c = { kind: 'netlink', bytes, family: family === 'raw' ? 2 : family };
      } else {
        const j = JSON.parse(call([...rest.filter((a) => a !== '--json'), '--json']).out) as {
          input: unknown;
        };
        c =
          kind === 'fragment'
            ? { kind: 'send', result: ipSend(j.input as SendInput) }
            : { kind: 'reassembly', result: reassemble(j.input as DefragInput) };
      }
    } catch (e) {
      return { code: 2, out: `${shown.out}\n--pcap: ${(e as Error).message}` };
    }
    const w = writePcapOut(po.path, c);
    return { code: w.ok ? shown.code : 2, out: `${shown.out}\n${w.line}` };
  };
}
