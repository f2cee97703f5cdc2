import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

// Real kernel replies recorded on Linux 6.18 (the oracle's netlink-conversations.json).
import fixture from '../conformance/fixtures/linux-6.18/netlink-conversations.json' with { type: 'json' };

interface Conv {
  name: string;
  replies: { hex: string; msg_flags: number }[];
}
const conv = (name: string) => (fixture.conversations as Conv[]).find((c) => c.name === name)!;

interface JsonAttr {
  offset: number;
  len: number;
  type: number;
  name: string;
  nested?: JsonAttr[];
  value?: unknown;
}
interface JsonMsg {
  offset: number;
  len: number;
  type: number;
  typeName: string;
  flags: number;
  flagNames: string[];
  seq: number;
  pid: number;
  header: { struct: string; fields: Record<string, unknown> } | null;
  attributes: JsonAttr[];
  diagnostics: { severity: string; code: string; offset: number; length: number }[];
  error?: { errno: number; name: string };
}

const json = (args: string[]) => {
  const r = runCli(args);
  expect(r.code, r.out).toBe(0);
  return JSON.parse(r.out) as JsonMsg[];
};

describe('sockscope netlink decode', () => {
  it('decodes a real link dump buffer into the documented JSON shape, attribute by attribute', () => {
    const hex = conv('getlink-dump').replies[0]!.hex;
    const msgs = json(['netlink', 'decode', '--family', 'route', '--hex', hex, '--json']);
    expect(msgs.length).toBe(2);
    let end = 0;
    for (const m of msgs) {
      expect(m.offset).toBe(end);
      expect(m.typeName).toBe('RTM_NEWLINK');
      expect(m.flagNames).toContain('NLM_F_MULTI');
      expect(m.header?.struct).toBe('ifinfomsg');
      expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // Attributes tile the payload after the 16 + 16 byte headers, each 4-byte aligned.
      let at = m.offset + 32;
      for (const a of m.attributes) {
        expect(a.offset).toBe(at);
        at += (a.len + 3) & ~3;
      }
      expect(at).toBe(m.offset + m.len);
      end = m.offset + ((m.len + 3) & ~3);
    }
    expect(end).toBe(hex.length / 2);
    const ifname = msgs[0]!.attributes.find((a) => a.name === 'IFLA_IFNAME');
    expect(ifname?.value).toBe('lo');
    expect(msgs[0]!.attributes.some((a) => a.nested && a.nested.length > 0)).toBe(true);
  });

  it('reads an error reply as NLMSG_ERROR with its errno', () => {
    const hex = conv('newaddr-eexist').replies[0]!.hex;
    const [m] = json(['netlink', 'decode', '--family', 'route', '--hex', hex, '--json']);
    expect(m!.typeName).toBe('NLMSG_ERROR');
    expect(m!.error?.name).toBe('EEXIST');
  });

  it('reads --file as raw bytes or as hex text', () => {
    const hex = conv('newaddr-ack').replies[0]!.hex;
    const dir = mkdtempSync(join(tmpdir(), 'nl-'));
    writeFileSync(join(dir, 'ack.bin'), Buffer.from(hex, 'hex'));
    writeFileSync(join(dir, 'ack.hex'), hex.replace(/(..)/g, '$1 '));
    const a = json(['netlink', 'decode', '--file', join(dir, 'ack.bin'), '--json']);
    const b = json(['netlink', 'decode', '--file', join(dir, 'ack.hex'), '--json']);
    expect(a).toEqual(b);
    expect(a[0]!.typeName).toBe('NLMSG_ERROR');
    expect(a[0]!.error?.errno).toBe(0);
  });

  it('prints a readable table, and exits 1 when a diagnostic is an error', () => {
    const ok = runCli(['netlink', 'decode', '--hex', conv('newaddr-ack').replies[0]!.hex]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/36 bytes, 1 message/);
    expect(ok.out).toMatch(/NLMSG_ERROR \(2\)/);
    // nlmsg_len 0x40 in a 20-byte buffer: beyond the buffer.
    const bad = runCli(['netlink', 'decode', '--hex', '40000000100000000000000000000000aabbccdd']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/error/);
  });

  it('explains bad input in one message with exit 2', () => {
    expect(runCli(['netlink', 'decode', '--hex', 'zz']).out).toMatch(/--hex: not hex/);
    expect(runCli(['netlink', 'decode']).out).toMatch(/needs --hex HEX or --file PATH/);
    expect(runCli(['netlink', 'decode', '--family', 'x', '--hex', '00']).code).toBe(2);
    expect(runCli(['netlink', 'frob']).out).toMatch(/decode and encode/);
    expect(runCli(['netlink', 'decode', '--file', '/nonexistent/x']).out).toMatch(/cannot read/);
  });
});

describe('sockscope netlink encode', () => {
  it('builds RTM_GETLINK dump requests whose bytes decode back to the same fields', () => {
    const r = runCli([
      'netlink',
      'encode',
      '--family',
      'route',
      '--type',
      'RTM_GETLINK',
      '--flags',
      'REQUEST,DUMP',
      '--seq',
      '7',
      '--pid',
      '42',
      '--header',
      'ifi_index=3',
      '--attrs',
      'IFLA_EXT_MASK:u32=1;IFLA_IFNAME:strz=lo',
    ]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]+$/);
    // nlmsg_len in host (little-endian) order first: 16 + 16 + 8 + 8.
    expect(r.out.slice(0, 8)).toBe('30000000');
    const [m] = json(['netlink', 'decode', '--hex', r.out, '--json']);
    expect(m).toMatchObject({ len: 48, typeName: 'RTM_GETLINK', seq: 7, pid: 42, flags: 0x301 });
    expect(m!.header?.fields.ifi_index).toBe(3);
    expect(m!.attributes.map((a) => [a.name, a.value])).toEqual([
      ['IFLA_EXT_MASK', 1],
      ['IFLA_IFNAME', 'lo'],
    ]);
  });

  it('takes nested attributes from a --spec file, and big-endian for teaching', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nl-'));
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify([
        {
          type: 'RTM_NEWLINK',
          flags: ['NLM_F_REQUEST', 'NLM_F_CREATE', 'NLM_F_EXCL', 'NLM_F_ACK'],
          seq: 1,
          pid: 0,
          attributes: [
            { type: 'IFLA_IFNAME', value: { kind: 'strz', v: 'dummy0' } },
            {
              type: 'IFLA_LINKINFO',
              nested: [{ type: 'IFLA_INFO_KIND', value: { kind: 'str', v: 'dummy' } }],
            },
          ],
        },
      ]),
    );
    const le = runCli(['netlink', 'encode', '--spec', spec, '--json']);
    const be = runCli(['netlink', 'encode', '--spec', spec, '--endian', 'be', '--json']);
    const l = JSON.parse(le.out) as { hex: string; messages: JsonMsg[] };
    const b = JSON.parse(be.out) as { hex: string; messages: JsonMsg[] };
    expect(l.hex.slice(0, 8)).toBe(
      b.hex.slice(6, 8) + b.hex.slice(4, 6) + b.hex.slice(2, 4) + b.hex.slice(0, 2),
    );
    const li = l.messages[0]!.attributes.find((a) => a.name === 'IFLA_LINKINFO')!;
    expect(li.nested?.map((a) => [a.name, a.value])).toEqual([['IFLA_INFO_KIND', 'dummy']]);
    expect(b.messages[0]!.attributes.map((a) => a.name)).toEqual(
      l.messages[0]!.attributes.map((a) => a.name),
    );
  });

  it('refuses unknown types, flags and malformed attributes with a reason', () => {
    expect(runCli(['netlink', 'encode', '--type', 'RTM_NOPE']).out).toMatch(/unknown type "RTM_NOPE"/);
    expect(runCli(['netlink', 'encode', '--type', 'RTM_GETLINK', '--flags', 'BOGUS']).out).toMatch(
      /unknown flag/,
    );
    expect(runCli(['netlink', 'encode', '--type', 'RTM_GETLINK', '--attrs', 'IFLA_MTU:u32=abc']).out).toMatch(
      /takes a number/,
    );
    expect(runCli(['netlink', 'encode']).code).toBe(2);
  });

  it('nests attributes in --attrs with nest={...}: the oracle RTM_NEWLINK byte for byte', () => {
    const r = runCli([
      'netlink',
      'encode',
      '--type',
      'RTM_NEWLINK',
      '--flags',
      'REQUEST,CREATE,EXCL,ACK',
      '--seq',
      '6',
      '--attrs',
      'IFLA_IFNAME:strz=bad0;IFLA_LINKINFO:nest={IFLA_INFO_KIND:strz=nosuchkind}',
    ]);
    expect(r).toEqual({
      code: 0,
      out:
        '40000000100005060600000000000000000000000000000000000000000000000900030062616430000000' +
        '00140012000f0001006e6f737563686b696e640000',
    });
    expect(
      runCli(['netlink', 'encode', '--type', '16', '--attrs', 'IFLA_LINKINFO:nest={IFLA_INFO_KIND:strz=x'])
        .out,
    ).toMatch(/not closed/);
    expect(runCli(['netlink', 'encode', '--type', '16', '--attrs', 'IFLA_LINKINFO:nest=x']).out).toMatch(
      /nest takes/,
    );
  });
});

describe('sockscope netlink: bounds and strict input (issue 19)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nl-bounds-'));
  const first = (out: string) => out.split('\n')[0];

  it('--file reads at most --max-bytes (default 16 MiB), whatever the file is', () => {
    if (existsSync('/dev/zero'))
      expect(first(runCli(['netlink', 'decode', '--file', '/dev/zero']).out)).toBe(
        '--file: /dev/zero holds more than 16777216 bytes, the limit (raise it with --max-bytes, up to 1073741824)',
      );
    const f = join(dir, 'noops.bin');
    writeFileSync(f, Buffer.from('10000000010000000000000000000000'.repeat(8), 'hex'));
    expect(runCli(['netlink', 'decode', '--file', f, '--max-bytes', '100']).code).toBe(2);
    expect(runCli(['netlink', 'decode', '--file', f, '--max-bytes', '128']).out).toMatch(
      /^128 bytes, 8 messages/,
    );
    expect(runCli(['netlink', 'decode', '--file', f, '--max-bytes', '1K']).code).toBe(0);
    expect(first(runCli(['netlink', 'decode', '--file', f, '--max-bytes', '2G']).out)).toMatch(
      /--max-bytes takes a size/,
    );
  });

  it('--max-messages, --max-attrs, --max-depth bound the decoder and say where it stopped', () => {
    const f = join(dir, 'noops2.bin');
    writeFileSync(f, Buffer.from('10000000010000000000000000000000'.repeat(8), 'hex'));
    const r = runCli(['netlink', 'decode', '--file', f, '--max-messages', '3']);
    expect(r.out).toMatch(/^128 bytes, 3 messages/);
    expect(r.out).toMatch(/warning limit-messages at bytes 48–127: The decoder stops after 3 messages/);
    expect(runCli(['netlink', 'decode', '--file', f, '--max-depth', 'deep']).code).toBe(2);
  });

  it('refuses options a subcommand does not have', () => {
    expect(first(runCli(['netlink', 'decode', '--hex', '00', '--bogus', '1']).out)).toBe(
      'netlink decode has no option --bogus',
    );
    expect(first(runCli(['netlink', 'encode', '--type', '16', '--hex', '00']).out)).toBe(
      'netlink encode has no option --hex',
    );
  });

  it('encode --spec checks whatever JSON it holds (was: exit 70, "f is not iterable")', () => {
    const spec = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return runCli(['netlink', 'encode', '--spec', p]);
    };
    expect(spec('a.json', '[{"type":1}]')).toEqual({ code: 0, out: '10000000010000000000000000000000' });
    expect(spec('b.json', '{"type":1}')).toEqual({
      code: 2,
      out: 'EINVAL: the specs are a list (a JSON array) of messages, not an object',
    });
    expect(spec('c.json', '[{"type":16,"flags":"REQUEST"}]').out).toBe(
      'EINVAL: message 0: flags is a number or a list of NLM_F_* names, not the text "REQUEST"',
    );
    expect(spec('d.json', '[{"type":').out).toMatch(/^--spec: .*d\.json is not JSON/);
  });

  it('an echoed nlmsg_len of 2^31 or more is an echo-overrun, not a lost decode', () => {
    const r = runCli([
      'netlink',
      'decode',
      '--hex',
      '2400000002000002000000000000000000000000000000ee000000000000000000000000',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^36 bytes, 1 message/);
    expect(r.out).toMatch(/error echo-overrun at bytes 20–23/);
    expect(r.out).not.toMatch(/internal/);
  });
});
