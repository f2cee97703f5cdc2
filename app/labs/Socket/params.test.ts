import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCKET_FIELDS, parseSocketQuery, serialiseSocketQuery } from './params.ts';
import { roundTrips } from '../../lab-kit/testing.ts';

describe('socket URL', () => {
  it('parses the issue example', () => {
    const { fields, step, issues } = parseSocketQuery(
      'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect',
    );
    expect(fields).toEqual(DEFAULT_SOCKET_FIELDS);
    expect(step).toBeNull();
    expect(issues).toEqual([]);
  });

  it('serialises the defaults to the canonical example', () => {
    expect(serialiseSocketQuery(DEFAULT_SOCKET_FIELDS, null)).toBe(
      'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect',
    );
  });

  it.each([
    'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect',
    'domain=2&type=3&protocol=1&priv=user&op=bind',
    'domain=AF_INET6&type=SOCK_STREAM&protocol=IPPROTO_MPTCP&priv=root&op=listen&step=4',
    'domain=AF_NETLINK&type=SOCK_RAW&protocol=NETLINK_ROUTE&priv=root&op=sendmsg',
    'domain=AF_PACKET&type=SOCK_RAW&protocol=htons(ETH_P_ALL)&priv=root&op=mmap',
    'domain=AF_INET&type=SOCK_STREAM|0x100&protocol=0&priv=root&op=connect',
    'domain=AF_INET&type=SOCK_DGRAM&protocol=0&nonblock=1&cloexec=1&priv=root&op=poll',
    'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=getsockopt&level=SOL_SOCKET',
    'domain=0x2&type=-1&protocol=4294967295&priv=root&op=ioctl',
    // Invalid values survive the round trip, so the form can show and explain them.
    'domain=AF_BANANA&type=SOCK_WHAT&protocol=IPPROTO_NOPE&nonblock=yes&priv=admin&op=fly&level=x',
    'domain=&type=&protocol=&priv=&op=',
  ])('round-trips %s', roundTrips(parseSocketQuery, serialiseSocketQuery));

  it('moves named flags out of the type', () => {
    const { fields } = parseSocketQuery(
      'domain=AF_INET&type=SOCK_DGRAM|SOCK_NONBLOCK|sock_cloexec&protocol=0',
    );
    expect(fields).toMatchObject({ type: 'SOCK_DGRAM', nonblock: '1', cloexec: '1' });
    expect(serialiseSocketQuery(fields, null)).toBe(
      'domain=AF_INET&type=SOCK_DGRAM&protocol=0&nonblock=1&cloexec=1&priv=root&op=connect',
    );
  });

  it('accepts the percent-encoded bar', () => {
    expect(parseSocketQuery('type=SOCK_STREAM%7C0x100').fields.type).toBe('SOCK_STREAM|0x100');
  });

  it('fills missing parameters with defaults', () => {
    expect(parseSocketQuery('').fields).toEqual(DEFAULT_SOCKET_FIELDS);
    expect(parseSocketQuery('priv=user').fields).toEqual({ ...DEFAULT_SOCKET_FIELDS, priv: 'user' });
  });

  it('counts step= from 1 and reports a bad one', () => {
    expect(parseSocketQuery('step=3').step).toBe(2);
    const bad = parseSocketQuery('step=0');
    expect(bad.step).toBeNull();
    expect(bad.issues).toEqual([{ field: 'step', message: expect.stringContaining('step=0') }]);
  });
});
