import { beforeEach, describe, expect, it } from 'vitest';
import { sysSocket, profileFor } from '../../../core/socket/index.ts';
import { DEFAULT_SOCKET_FIELDS, fieldsToCall } from './params.ts';
import { createSocketStore, selectSocketIsStale, selectSocketStep } from './store.ts';

let store: ReturnType<typeof createSocketStore>;
/** The state, with the core's two answers under their own names. */
const sock = () => {
  const s = store.getState();
  return { ...s, result: s.result?.socket ?? null, dispatch: s.result?.dispatch ?? null };
};

beforeEach(() => {
  store = createSocketStore();
});

describe('socket store', () => {
  it('starts with the core result of socket(AF_INET, SOCK_DGRAM, 0) and its connect() dispatch', () => {
    const r = sock().result!;
    expect(r).toEqual(sysSocket(2, 2, 0, profileFor('root')));
    expect(r.ok && r.ops.name).toBe('inet_dgram_ops');
    expect(sock().dispatch?.op).toBe('connect');
    expect(sock().issues).toEqual([]);
    expect(selectSocketStep(store.getState())).toBe(r.trace.length - 1);
  });

  it('takes names and numbers alike', () => {
    sock().setFields({ domain: '2', type: '1', protocol: '6' });
    const r = sock().result!;
    expect(r.ok && [r.so_domain, r.so_type, r.so_protocol]).toEqual([2, 1, 6]);
    expect(r.ok && r.prot.name).toBe('tcp_prot');
  });

  it('passes the flag checkboxes as type bits', () => {
    sock().setFields({ nonblock: '1', cloexec: '1' });
    const r = sock().result!;
    expect(r.request.type).toBe(2 | 0x800 | 0x80000);
    expect(r.ok && r.nonblock && r.cloexec).toBe(true);
  });

  it('asks the core as the chosen caller', () => {
    sock().setFields({ type: 'SOCK_RAW', protocol: 'IPPROTO_ICMP', priv: 'user' });
    const r = sock().result!;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errno).toBe('EPERM');
    expect(r.privilege).toBe('unprivileged');
    expect(sock().dispatch).toBeNull();
  });

  it('re-dispatches on an operation change without touching the socket or the step', () => {
    const before = sock().result;
    sock().selectStep(2);
    sock().setField('op', 'listen');
    expect(sock().result).toBe(before);
    expect(sock().step).toBe(2);
    expect(sock().dispatch?.error?.errno).toBe('EOPNOTSUPP');
    sock().setField('type', 'SOCK_STREAM');
    expect(sock().step).toBeNull();
    expect(sock().dispatch?.chain.at(-1)?.fn).toBe('inet_csk_get_port');
  });

  it('keeps the last good result and reports each bad field', () => {
    const before = sock().result;
    sock().setFields({ domain: 'AF_BANANA', priv: 'admin' });
    expect(sock().result).toBe(before);
    expect(sock().issues.map((i) => i.field)).toEqual(['domain', 'priv']);
    expect(selectSocketIsStale(store.getState())).toBe(true);
    sock().setFields({ domain: 'AF_INET', priv: 'root' });
    expect(sock().issues).toEqual([]);
  });

  it('reads the protocol in the domain’s namespace', () => {
    expect(
      fieldsToCall({ ...DEFAULT_SOCKET_FIELDS, domain: 'AF_NETLINK', protocol: 'NETLINK_ROUTE' }).ok,
    ).toBe(true);
    const bad = fieldsToCall({ ...DEFAULT_SOCKET_FIELDS, domain: 'AF_NETLINK', protocol: 'IPPROTO_UDP' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues[0]).toMatchObject({
      field: 'protocol',
      message: expect.stringMatching(/NETLINK_/),
    });
  });

  it('loads a pasted URL state with its step and issues', () => {
    sock().load({ ...DEFAULT_SOCKET_FIELDS, type: 'SOCK_STREAM' }, 99, [{ field: 'step', message: 'x' }]);
    expect(sock().step).toBe(sock().result!.trace.length - 1);
    expect(sock().issues).toEqual([{ field: 'step', message: 'x' }]);
    expect(selectSocketIsStale(store.getState())).toBe(false);
    sock().selectStep(0);
    expect(sock().issues).toEqual([]);
  });

  it('resets to its initial state', () => {
    sock().setFields({ domain: 'AF_UNIX' });
    store.setState(store.getInitialState());
    expect(sock().fields).toEqual(DEFAULT_SOCKET_FIELDS);
  });
});
