import { describe, expect, it } from 'vitest';
import { NETLINK_SAMPLES, rowToBytes, toHex } from '../../../core/netlink/index.ts';
import { createNetlinkStore } from './store.ts';
import { builderFromBytes, builderItemBytes, builderToBytes, newMessage, parseUnsigned } from './builder.ts';
import { netlinkParams } from './lab.ts';
import type { BuilderMessage } from './builder.ts';
import { DEFAULT_HEX, compactHex, formatHex, readHex } from './store.ts';

const nl = (store = createNetlinkStore()) => store.getState();

describe('netlink store', () => {
  it('starts on the 40-byte RTM_GETLINK dump request, decoded', () => {
    const s = nl();
    expect(toHex(s.bytes)).toBe(DEFAULT_HEX);
    expect(s.result.messages).toHaveLength(1);
    const m = s.result.messages[0]!;
    expect(m.len).toBe(40);
    expect(m.typeName).toBe('RTM_GETLINK');
    expect(m.flags).toBe(0x301);
    expect(s.builder).toHaveLength(1);
    expect(s.builder[0]!.kind).toBe('message');
  });

  it('an edit that keeps the buffer’s length keeps the msghdr diagram; one that changes it redraws it', () => {
    const store = createNetlinkStore();
    const before = nl(store).msghdrResult;
    // One digit of the default buffer changed (the sequence number): same length.
    store.getState().setHex(DEFAULT_HEX.replace(/^(.{16})../, '$109'));
    expect(toHex(nl(store).bytes)).not.toBe(DEFAULT_HEX);
    expect(nl(store).msghdrResult).toBe(before);
    store.getState().setHex(`${DEFAULT_HEX}00000000`);
    const after = nl(store).msghdrResult;
    expect(after).not.toBe(before);
    const iovLen = after?.structs.flatMap((st) => st.fields).find((f) => f.name === 'iov_len');
    expect(iovLen?.value).toBe(String(DEFAULT_HEX.length / 2 + 4));
  });

  it('the same bytes typed another way are not decoded again; the editor keeps the text as typed', () => {
    const store = createNetlinkStore();
    const before = nl(store);
    const spaced = DEFAULT_HEX.replace(/(..)/g, '$1 ');
    store.getState().setHex(spaced);
    const s = nl(store);
    expect(s.hexText).toBe(spaced);
    expect(s.bytes).toBe(before.bytes);
    expect(s.result).toBe(before.result);
    expect(s.builder).toBe(before.builder);
    // Another byte does decode again.
    store.getState().setHex(DEFAULT_HEX.replace(/^(.{16})../, '$109'));
    expect(nl(store).result).not.toBe(before.result);
  });

  it('builder text that encodes to the same bytes stays as typed (0x10 is not rewritten to 16)', () => {
    const store = createNetlinkStore();
    const before = nl(store);
    const m = before.builder[0] as BuilderMessage;
    const seq = String(before.result.messages[0]!.seq);
    const hex = `0x${Number(seq).toString(16)}`;
    store.getState().editBuilder([{ ...m, seq: hex }]);
    const s = nl(store);
    expect(s.bytes).toBe(before.bytes);
    expect(s.result).toBe(before.result);
    expect((s.builder[0] as BuilderMessage).seq).toBe(hex);
  });

  it('bad hex is reported and the last good buffer stays', () => {
    const store = createNetlinkStore();
    const before = nl(store).bytes;
    store.getState().setHex('28 00 0');
    expect(nl(store).hexError).toMatch(/Odd number of hex digits/);
    expect(nl(store).bytes).toBe(before);
    store.getState().setHex('zz');
    expect(nl(store).hexError).toMatch(/not a hex digit/);
    store.getState().setHex(DEFAULT_HEX);
    expect(nl(store).hexError).toBeNull();
  });

  it('a builder edit re-encodes the buffer and the hex text', () => {
    const store = createNetlinkStore();
    const m = nl(store).builder[0] as BuilderMessage;
    store.getState().editBuilder([{ ...m, seq: '258' }]);
    const s = nl(store);
    expect(s.builderIssues).toEqual([]);
    expect(s.result.messages[0]!.seq).toBe(258);
    // seq is bytes 8..11, little-endian: 258 = 0x102 → 02 01 00 00.
    expect(compactHex(s.hexText).slice(16, 24)).toBe('02010000');
  });

  it('a bad builder field is reported by path and keeps the last good buffer', () => {
    const store = createNetlinkStore();
    const m = nl(store).builder[0] as BuilderMessage;
    const before = nl(store).bytes;
    store.getState().editBuilder([{ ...m, seq: 'twelve' }]);
    const s = nl(store);
    expect(s.builderIssues).toEqual([
      {
        path: `${m.id}.seq`,
        message: expect.stringMatching(/not a number/),
        id: 'row.not-a-number',
        values: { text: 'twelve' },
      },
    ]);
    expect(s.bytes).toBe(before);
    expect((s.builder[0] as BuilderMessage).seq).toBe('twelve');
  });

  it('builder(bytes) gives back the same bytes for every sample', () => {
    const store = createNetlinkStore();
    for (const sm of NETLINK_SAMPLES) {
      store.getState().loadSample(sm.id);
      const s = nl(store);
      expect(s.hexError, sm.id).toBeNull();
      const back = builderToBytes(
        builderFromBytes(s.bytes, s.result, s.family, s.endian),
        s.family,
        s.endian,
      );
      expect(back.ok, sm.id).toBe(true);
      if (back.ok) expect(toHex(back.bytes), sm.id).toBe(toHex(s.bytes));
    }
  });

  it('each row read from bytes holds the bytes its own encoding gives (kept, not encoded twice)', () => {
    let checked = 0;
    const dump = NETLINK_SAMPLES.find((x) => x.id === 'getlink-dump')!.hex.repeat(20);
    for (const sm of [...NETLINK_SAMPLES, { id: 'dump x20', hex: dump }])
      for (const endian of ['le', 'be'] as const) {
        const store = createNetlinkStore();
        if (sm.id === 'dump x20') {
          store.getState().loadSample('getlink-dump');
          store.getState().setHex(sm.hex);
        } else store.getState().loadSample(sm.id);
        if (endian === 'be') store.getState().setEndian('be');
        const s = nl(store);
        for (const it of builderFromBytes(s.bytes, s.result, s.family, s.endian)) {
          if (it.kind !== 'message') continue;
          const kept = builderItemBytes(it, s.family, s.endian);
          const fresh = rowToBytes(it, s.family, s.endian, it.id);
          expect(kept.ok, sm.id).toBe(fresh.ok);
          if (kept.ok && fresh.ok) expect(toHex(kept.bytes), `${sm.id} ${endian}`).toBe(toHex(fresh.bytes));
          checked++;
        }
      }
    expect(checked).toBeGreaterThanOrEqual(4 + 2 * 40);
  });

  it('big-endian re-encodes the same message: nlmsg_len 40 becomes 00 00 00 28', () => {
    const store = createNetlinkStore();
    store.getState().setEndian('be');
    const s = nl(store);
    expect(toHex(s.bytes).slice(0, 8)).toBe('00000028');
    expect(s.result.messages[0]?.len).toBe(40);
  });

  it('the splitter and msghdr compute, and bad numbers are reported', () => {
    const store = createNetlinkStore();
    expect(nl(store).splitResult?.messages.length).toBeGreaterThan(1);
    store.getState().setSplit({ max: 'x' });
    expect(nl(store).splitIssues[0]?.field).toBe('max');
    store.getState().setSplit({ max: '4096' });
    store.getState().openSplit();
    expect(nl(store).bytes.length).toBe(nl(store).splitResult?.bytes.length);
    expect(nl(store).msghdrResult?.cmsgs).toHaveLength(2);
    store.getState().setMsghdr({ iov: '1, two' });
    expect(nl(store).msghdrIssue).toMatchObject({ field: 'iov', message: expect.stringMatching(/iovec/) });
  });
});

describe('netlink builder encoding', () => {
  it('encodes each message once per family and byte order, and an edit only the item it touches', () => {
    const s = createNetlinkStore().getState();
    const m = builderFromBytes(s.bytes, s.result, 'route', 'le')[0] as BuilderMessage;
    const a = builderItemBytes(m, 'route', 'le');
    expect(builderItemBytes(m, 'route', 'le')).toBe(a);
    const be = builderItemBytes(m, 'route', 'be');
    expect(be).not.toBe(a);
    expect(be.ok && toHex(be.bytes.subarray(0, 4))).toBe('00000028');
    const edited = { ...m, seq: '7' };
    const e = builderItemBytes(edited, 'route', 'le');
    expect(e.ok && toHex(e.bytes.subarray(8, 12))).toBe('07000000');
    expect(a.ok && toHex(a.bytes.subarray(8, 12))).toBe('01000000');
  });
});

describe('netlink builder numbers and hex', () => {
  it('reads numbers as C would store them', () => {
    expect(parseUnsigned('0x10', 2)).toEqual({ ok: true, value: 16n });
    expect(parseUnsigned('-1', 4)).toEqual({ ok: true, value: 0xffffffffn });
    expect(parseUnsigned('65536', 2).ok).toBe(false);
    expect(parseUnsigned('', 4).ok).toBe(false);
  });
  it('formats 8 bytes a line and reads spaced, 0x and colon hex', () => {
    const b = readHex('0x28:00 00\n00');
    expect(b.ok && toHex(b.bytes)).toBe('28000000');
    expect(formatHex(new Uint8Array(17)).split('\n')).toHaveLength(3);
  });
});

describe('the bytes are the one truth', () => {
  const TWO_GB = 'hex=1000000001000000000000000000000000000080010000000000000000000000&family=route';

  it('nlmsg_len of 2^31 stays unsigned: "+ Message" appends one message, it does not copy the buffer', () => {
    const store = createNetlinkStore();
    netlinkParams.read(store, TWO_GB, []);
    const s = store.getState();
    expect(s.bytes.length).toBe(32);
    expect(s.result.messages.map((m) => m.len)).toEqual([16, 2 ** 31]);
    // Every builder row together is exactly the buffer.
    const back = builderToBytes(s.builder, s.family, s.endian);
    expect(back.ok && toHex(back.bytes)).toBe(toHex(s.bytes));
    const added = newMessage('route');
    s.editBuilder([...s.builder, added]);
    const one = builderItemBytes(added, 'route', 'le');
    expect(one.ok).toBe(true);
    expect(store.getState().bytes.length).toBe(32 + (one.ok ? one.bytes.length : 0));
  });

  it('every view of the buffer follows the bytes, whichever way they changed', () => {
    const store = createNetlinkStore();
    const check = () => {
      const s = store.getState();
      expect(readHex(s.hexText).ok && toHex((readHex(s.hexText) as { bytes: Uint8Array }).bytes)).toBe(
        toHex(s.bytes),
      );
      const b = builderToBytes(s.builder, s.family, s.endian);
      expect(b.ok && toHex(b.bytes)).toBe(toHex(s.bytes));
      expect(s.selected).toBeLessThan(Math.max(1, s.result.messages.length));
      // One iovec over the whole buffer (the msghdr diagram's default) follows its length.
      const iovLen = s.msghdrResult?.structs.flatMap((st) => st.fields).find((f) => f.name === 'iov_len');
      expect(iovLen?.value).toBe(String(s.bytes.length));
    };
    for (const sm of NETLINK_SAMPLES.slice(0, 4)) {
      store.getState().loadSample(sm.id);
      check();
    }
    store.getState().selectMessage(99);
    check();
    store.getState().setEndian('be');
    check();
    const m = store.getState().builder.find((it) => it.kind === 'message') as BuilderMessage;
    store.getState().editBuilder(store.getState().builder.map((it) => (it === m ? { ...m, seq: '9' } : it)));
    check();
    store.getState().openSplit();
    check();
  });

  it('choosing a message derives nothing again; a new family decodes and rebuilds the rows', () => {
    const store = createNetlinkStore();
    store.getState().loadSample(NETLINK_SAMPLES[0]!.id);
    const { result, builder } = store.getState();
    store.getState().selectMessage(1);
    expect(store.getState().result).toBe(result);
    expect(store.getState().builder).toBe(builder);
    store.getState().setFamily('raw');
    expect(store.getState().result).not.toBe(result);
    expect(store.getState().builder).not.toBe(builder);
  });

  it('a hex draft that does not parse keeps the bytes and every view of them', () => {
    const store = createNetlinkStore();
    const { bytes, builder, result } = store.getState();
    store.getState().setHex('28 00 0');
    const s = store.getState();
    expect(s.hexText).toBe('28 00 0');
    expect(s.hexError).toMatch(/Odd number/);
    expect([s.bytes, s.builder, s.result]).toEqual([bytes, builder, result]);
  });
});

describe('a hex edit in a big buffer (issue 17: only what changed is read again)', () => {
  // The RTM_GETLINK dump reply sample (two RTM_NEWLINK) repeated: 8 messages.
  const one = readHex(NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!.hex);
  if (!one.ok) throw new Error(one.why);
  const hex = toHex(one.bytes).repeat(4);
  // "lo" of the first IFLA_IFNAME (nla_len 7, nla_type 3) → "ln": one digit of the first message.
  const at = (hex.indexOf('070003006c6f00') / 2 + 5) * 2 + 1;
  const edited = `${hex.slice(0, at)}e${hex.slice(at + 1)}`;

  it('keeps every other builder row as it was, and the edited one keeps its ids', () => {
    const store = createNetlinkStore();
    store.getState().setHex(hex);
    const before = nl(store).builder;
    expect(before).toHaveLength(8);
    store.getState().setHex(edited);
    const after = nl(store).builder;
    expect(after).toHaveLength(8);
    // The same objects (React skips them), the same ids.
    expect(after.slice(1)).toEqual(before.slice(1));
    after.slice(1).forEach((it, i) => expect(it).toBe(before[i + 1]));
    const [b, a] = [before[0] as BuilderMessage, after[0] as BuilderMessage];
    expect(a).not.toBe(b);
    expect(a.id).toBe(b.id);
    expect(a.attrs.map((x) => x.id)).toEqual(b.attrs.map((x) => x.id));
    expect(a.attrs.find((x) => x.type === 'IFLA_IFNAME')?.value).toBe('ln');
    // Within the edited message, every attribute but the edited one is the same row object (the
    // builder's memoised attribute rows skip them), nested ones too.
    const changed = a.attrs.filter((x, i) => x !== b.attrs[i]);
    expect(changed.map((x) => x.type)).toEqual(['IFLA_IFNAME']);
    expect(a.attrs.some((x) => x.children.length > 0)).toBe(true);
    // The bytes stay the one truth: the rows give back exactly the bytes typed.
    const enc = builderToBytes(after, 'route', 'le');
    expect(enc.ok && toHex(enc.bytes)).toBe(edited);
  });

  it('a length change moves the rows after it, which are kept; other families read everything anew', () => {
    const store = createNetlinkStore();
    store.getState().setHex(hex);
    const before = nl(store).builder;
    // Two more bytes at the very end: trailing bytes (a raw row), every message row kept.
    store.getState().setHex(`${hex}0000`);
    const grown = nl(store).builder;
    expect(grown.slice(0, 8)).toEqual(before);
    grown.slice(0, 8).forEach((it, i) => expect(it).toBe(before[i]));
    expect(grown[8]?.kind).toBe('raw');
    // Back to the buffer as it was, then the first message gone: the seven after it are the same
    // rows at new offsets.
    store.getState().setHex(hex);
    nl(store).builder.forEach((it, i) => expect(it).toBe(before[i]));
    const m0 = nl(store).result.messages[1]!.offset;
    store.getState().setHex(hex.slice(2 * m0));
    const shrunk = nl(store).builder;
    expect(shrunk).toHaveLength(7);
    shrunk.forEach((it, i) => expect(it).toBe(before[i + 1]));
    // Another family names other things: every row is read again.
    store.getState().setFamily('raw');
    expect(nl(store).builder.some((it, i) => it === shrunk[i])).toBe(false);
  });
});

describe('a keystroke in a 64 KiB buffer (issue 17: the editor and the builder)', () => {
  const one = readHex(NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!.hex);
  if (!one.ok) throw new Error(one.why);
  const hex = toHex(one.bytes).repeat(4);

  it('a URL’s hex that reads is shown as the editor’s 8-byte lines; what does not read stays as given', () => {
    const store = createNetlinkStore();
    store.getState().load({ hexText: hex.toUpperCase() });
    const s = nl(store);
    const r = readHex(hex);
    expect(r.ok && s.hexText).toBe(r.ok && formatHex(r.bytes));
    expect(s.hexText.split('\n').every((l) => l.length <= 23)).toBe(true);
    // The URL the lab writes is the digits, as before.
    expect(netlinkParams.write(s)).toContain(`hex=${hex}`);
    store.getState().load({ hexText: '28 00 0' });
    expect(nl(store).hexText).toBe('28 00 0');
  });

  it('the builder rows are made when first read, and then are the rows an eager read gives', () => {
    const store = createNetlinkStore();
    store.getState().setHex(hex);
    const before = nl(store).builder;
    const at = (hex.indexOf('070003006c6f00') / 2 + 5) * 2 + 1;
    const edited = `${hex.slice(0, at)}e${hex.slice(at + 1)}`;
    store.getState().setHex(edited);
    const s = nl(store);
    // Not made by the keystroke: the property is a getter not yet read.
    const d = Object.getOwnPropertyDescriptor(s, 'builder');
    expect(typeof d?.get).toBe('function');
    const rows = s.builder;
    expect(rows).toHaveLength(builderFromBytes(s.bytes, s.result, 'route', 'le').length);
    expect(rows.slice(1).every((it, i) => it === before[i + 1])).toBe(true);
    expect(s.builder).toBe(rows);
    const enc = builderToBytes(rows, 'route', 'le');
    expect(enc.ok && toHex(enc.bytes)).toBe(edited);
    // Reading it again, or another field, makes nothing again; the layout follows the rows.
    expect(s.builderLayout.offsets.get(0)).toBe(rows[0]!.id);
  });
});
