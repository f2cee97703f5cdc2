import { describe, expect, it } from 'vitest';
import { ipSend } from '../../../core/ip/index.ts';
import { DEFAULT_FIELDS } from './params.ts';
import { createFragmentStore } from './store.ts';

describe('fragment store', () => {
  it('starts with the core result of the default send', () => {
    const store = createFragmentStore();
    const f = store.getState();
    expect(f.issues).toEqual([]);
    expect(f.result?.ok).toBe(true);
    expect(f.result).toEqual(ipSend(f.input!));
    expect(f.input).toMatchObject({ family: 'inet', sock: 'udp', mtu: 1500, pmtu: 'want', sends: [4000] });
  });

  it('setField recomputes through the core', () => {
    const store = createFragmentStore();
    store.getState().setField('mtu', '576');
    const f = store.getState();
    expect(f.input?.mtu).toBe(576);
    expect(f.result).toEqual(ipSend(f.input!));
  });

  it('an invalid field reports an issue and keeps the last good result', () => {
    const store = createFragmentStore();
    const good = store.getState().result;
    store.getState().setField('len', 'lots');
    const f = store.getState();
    expect(f.issues).toEqual([
      {
        field: 'len',
        message: 'Payload length must be a whole number of bytes; got “lots”.',
        // The same in the catalogs, the parameter's name a message too (载荷长度 in Chinese).
        msg: {
          id: 'params.issue.notWhole',
          values: expect.objectContaining({ name: { id: 'params.label.payloadLength' } }),
        },
      },
    ]);
    expect(f.result).toBe(good);
    expect(f.fields.len).toBe('lots');
  });

  it('maps the core validation issues to the form field', () => {
    const store = createFragmentStore();
    store.getState().setField('mtu', '20');
    expect(store.getState().issues.map((i) => i.field)).toContain('mtu');
  });

  it('MSG_MORE sends and iovecs reach the core', () => {
    const store = createFragmentStore();
    store.getState().setFields({ mode: 'sends', sends: '1000, 1000' });
    expect(store.getState().input?.sends).toEqual([1000, 1000]);
    store.getState().setFields({ mode: 'iov', iov: '500,500' });
    expect(store.getState().input?.iov).toEqual([500, 500]);
    store.getState().setFields({ mode: 'sends', sends: '1000,,x' });
    expect(store.getState().issues[0]?.field).toBe('sends');
  });

  it('IPv4 options are parsed, and ignored for IPv6', () => {
    const store = createFragmentStore();
    store.getState().setField('opts', '94040000');
    expect(store.getState().input?.options).toEqual([0x94, 4, 0, 0]);
    store.getState().setField('opts', 'zz');
    expect(store.getState().issues[0]?.field).toBe('opts');
    store.getState().setFields({ family: 'inet6', mtu: '1280', opts: 'zz' });
    expect(store.getState().issues).toEqual([]);
    expect(store.getState().input?.options).toEqual([]);
  });

  it('load() restores a pasted state and clamps the step to the trace', () => {
    const store = createFragmentStore();
    store.getState().load({ ...DEFAULT_FIELDS, len: '3000' }, 999);
    const f = store.getState();
    expect(f.input?.sends).toEqual([3000]);
    expect(f.step).toBe(f.result!.trace.length - 1);
  });

  it('selectStep clamps and clears a step issue', () => {
    const store = createFragmentStore();
    store.getState().load(DEFAULT_FIELDS, 0, [{ field: 'step', message: 'bad' }]);
    expect(store.getState().issues).toHaveLength(1);
    store.getState().selectStep(-4);
    expect(store.getState().step).toBe(0);
    expect(store.getState().issues).toEqual([]);
  });

  it('each test gets a fresh store', () => {
    const a = createFragmentStore();
    const b = createFragmentStore();
    a.getState().setField('mtu', '68');
    expect(b.getState().fields.mtu).toBe('1500');
  });
});
