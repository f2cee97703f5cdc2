import { describe, expect, it } from 'vitest';
import { NETLINK_SAMPLES } from '../../../core/netlink/index.ts';
import { createNetlinkStore } from './store.ts';
import { DEFAULT_HEX } from './store.ts';
import { netlinkParams } from './lab.ts';
import { parseNetlinkQuery } from './params.ts';

const write = (store: ReturnType<typeof createNetlinkStore>) => netlinkParams.write(store.getState());

describe('netlink URL', () => {
  it('writes the default buffer as hex with its family', () => {
    expect(write(createNetlinkStore())).toBe(`hex=${DEFAULT_HEX}&family=route`);
  });

  it.each([
    `hex=${DEFAULT_HEX}&family=route`,
    `hex=${DEFAULT_HEX}&family=raw&endian=be&trunc=1`,
    `hex=${DEFAULT_HEX}&family=route&walk=1&frame=70000&max=1000&split=mistakes`,
    `hex=${DEFAULT_HEX}&family=route&iov=16,24&cmsg=SOL_SOCKET.SCM_RIGHTS.8`,
    `hex=${DEFAULT_HEX}&family=route&cmsg=`,
  ])('round-trips %s through the store', (q) => {
    const store = createNetlinkStore();
    netlinkParams.read(store, q, []);
    expect(store.getState().issues).toEqual([]);
    expect(write(store)).toBe(q);
  });

  it('writes a loaded sample by name and a second message as msg=2', () => {
    const sm = NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump') ?? NETLINK_SAMPLES[0];
    if (!sm) return;
    const store = createNetlinkStore();
    store.getState().loadSample(sm.id);
    store.getState().selectMessage(1);
    const q = write(store);
    expect(q).toMatch(new RegExp(`^sample=${sm.id}&family=${sm.family}`));
    const again = createNetlinkStore();
    netlinkParams.read(again, q, []);
    expect(write(again)).toBe(q);
    expect(again.getState().bytes).toEqual(store.getState().bytes);
  });

  it('keeps bad hex as typed and reports it', () => {
    const store = createNetlinkStore();
    netlinkParams.read(store, 'hex=28000g&family=route', []);
    expect(store.getState().hexError).toMatch(/not a hex digit/);
    expect(write(store)).toBe('hex=28000g&family=route');
  });

  it('reports unusable parameters', () => {
    const p = parseNetlinkQuery('family=xfrm&endian=middle&msg=0&split=maybe&cmsg=nope');
    expect(p.issues.map((i) => i.field)).toEqual(['family', 'endian', 'msg', 'split', 'msghdr']);
    const store = createNetlinkStore();
    netlinkParams.read(store, 'sample=nope&family=route', []);
    expect(store.getState().issues[0]?.field).toBe('sample');
  });

  it.each(['SOL_SOCKET.SCM_RIGHTS.8,,SOL_NETLINK.NETLINK_PKTINFO.4', 'SOL_SOCKET.SCM_RIGHTS.8,', ', '])(
    'names an empty item of cmsg=%s instead of skipping it, and writes a fixed point',
    (c) => {
      const p = parseNetlinkQuery(`cmsg=${encodeURIComponent(c)}`);
      expect(p.issues).toEqual([
        expect.objectContaining({ field: 'msghdr', message: expect.stringMatching(/is empty/) }),
      ]);
      const store = createNetlinkStore();
      netlinkParams.read(store, `cmsg=${encodeURIComponent(c)}`, []);
      const q = write(store);
      const again = createNetlinkStore();
      netlinkParams.read(again, q, []);
      expect(again.getState().issues).toEqual([]);
      expect(write(again)).toBe(q);
    },
  );
});
