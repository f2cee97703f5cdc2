import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AF,
  DEFAULT_PROFILE,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_TYPE_MASK,
  inetswList,
  parseDomain,
  parseProtocol,
  parseType,
  profileFor,
  sockDispatch,
  SOCKET_OPS,
  sysSocket,
} from './index.ts';

const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const smallFamily = fc.integer({ min: -2, max: 50 });
const smallType = fc.integer({ min: -1, max: 16 });
const protocol = fc.oneof(fc.integer({ min: -2, max: 300 }), int32);
const privilege = fc.constantFrom('root' as const, 'unprivileged' as const);

describe('socket() invariants', () => {
  it('never throws, for any numbers; every trace step names a function and a file', () => {
    fc.assert(
      fc.property(
        fc.oneof(int32, smallFamily, fc.double()),
        fc.oneof(int32, smallType),
        protocol,
        privilege,
        (f, t, p, priv) => {
          const r = sysSocket(f, t, p, profileFor(priv));
          expect(r.trace.length).toBeGreaterThan(0);
          for (const s of r.trace) expect(s.fn && s.file).toBeTruthy();
          if (!r.ok) expect(r.trace.at(-1)?.snapshot.errno).toBe(r.errno);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('protocol 0 resolves to the first entry of inetsw[type] for inet families', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(AF.AF_INET, AF.AF_INET6),
        fc.integer({ min: 0, max: 10 }),
        privilege,
        (f, t, priv) => {
          const list = inetswList(DEFAULT_PROFILE, f, t);
          const r = sysSocket(f, t, 0, profileFor(priv));
          if (f === AF.AF_INET && t === 10) return; // rewritten to PF_PACKET before inet_create
          if (list.length === 0) expect(r.ok || r.errno).toBe('ESOCKTNOSUPPORT');
          else if (list[0]!.protocol === 0) expect(r.ok || r.errno).toBe('EPROTONOSUPPORT');
          else if (r.ok) {
            expect(r.so_protocol).toBe(list[0]!.protocol);
            expect(r.prot.name).toBe(list[0]!.prot);
          } else expect(['EACCES', 'EPERM']).toContain(r.errno); // an init or capability refusal, never the lookup
        },
      ),
    );
  });

  it('flag bits outside SOCK_NONBLOCK | SOCK_CLOEXEC are always EINVAL from __sys_socket_create', () => {
    fc.assert(
      fc.property(int32, int32, int32, privilege, (f, t, p, priv) => {
        const flags = t & ~SOCK_TYPE_MASK;
        fc.pre((flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) !== 0);
        const r = sysSocket(f, t, p, profileFor(priv));
        expect(r.ok === false && [r.errno, r.fn]).toEqual(['EINVAL', '__sys_socket_create']);
      }),
    );
  });

  it('EPERM only ever comes from raw, packet or XDP sockets without CAP_NET_RAW', () => {
    fc.assert(
      fc.property(smallFamily, smallType, protocol, privilege, (f, t, p, priv) => {
        const r = sysSocket(f, t, p, profileFor(priv));
        if (r.ok || r.errno !== 'EPERM') return;
        expect(priv).toBe('unprivileged');
        const rawInet = (f === AF.AF_INET || f === AF.AF_INET6) && (t & SOCK_TYPE_MASK) === 3;
        const packet = f === AF.AF_PACKET || (f === AF.AF_INET && (t & SOCK_TYPE_MASK) === 10);
        expect(rawInet || packet || f === AF.AF_XDP).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('root and an unprivileged caller differ only by EPERM (or EACCES) on the caller side', () => {
    fc.assert(
      fc.property(smallFamily, smallType, protocol, (f, t, p) => {
        const root = sysSocket(f, t, p, profileFor('root'));
        const user = sysSocket(f, t, p, profileFor('unprivileged'));
        if (root.ok !== user.ok || (!root.ok && !user.ok && root.errno !== user.errno))
          expect(user.ok ? 'ok' : user.errno).toBe('EPERM');
      }),
      { numRuns: 3000 },
    );
  });

  it('a created socket reads back the family it was created in (after the SOCK_PACKET rewrite)', () => {
    fc.assert(
      fc.property(smallFamily, smallType, protocol, (f, t, p) => {
        const r = sysSocket(f, t, p);
        if (!r.ok) return;
        const expected = f === AF.AF_INET && (t & SOCK_TYPE_MASK) === 10 ? AF.AF_PACKET : f;
        expect(r.so_domain).toBe(expected);
        for (const op of SOCKET_OPS) {
          const d = sockDispatch(r, op);
          expect(d.chain[0]?.snapshot.layer).toBe('syscall');
        }
      }),
    );
  });

  it('parsers return values or errors, never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1, max: 50 }), (s, d) => {
        for (const r of [parseDomain(s), parseType(s), parseProtocol(d, s)])
          expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
