#!/usr/bin/env python3
"""Random case lists for the shared recorder (../shared/oracle/tools/drops_capture.py), the ones
behind core/conformance/fixtures/local/fragmentation-random5.json and -random6.json,
reassembly-drops-random4.json to -random6.json, and udp-receive-random4.json and -random5.json
(7 December 2026, evening).

  random_campaigns.py frag SEED N OUT.json         sends: UDP or raw (IPv4, IPv6), one send, a
                                                   MSG_MORE list or an iovec, any MTU, PMTU mode,
                                                   IP options the kernel accepts
  random_campaigns.py reasm SEED N OUT.json        fragment sets cut at random sizes, then
                                                   duplicated, lost, refilled, shifted, resized,
                                                   shuffled (0-3 changes)
  random_campaigns.py reasm-wide SEED N OUT.json   the same with 0-7 changes, datagrams to 65,535,
                                                   ends past 64 KiB and other datagrams' pieces
  random_campaigns.py udp SEED N OUT.json          receive queues: SO_RCVBUF, datagram sizes,
                                                   read buffers, MTUs, ports without a socket

Then, as root: /usr/bin/python3 drops_capture.py <fragmentation|reassembly|udp-receive> OUT.json
> recorded.json, and `npx tsx core/conformance/cli.ts recorded.json`. Case names carry the seed.
The seeds and counts used: frag 11 400 and 12 600, reasm 8 300, reasm-wide 9 600 and 13 600,
udp 10 300 and 14 300. Raw protocols 255 and 44 are left out
(the shared recorder cannot parse some of their packets: see fragmentation-raw-headers.json), and
so are IP options setsockopt refuses (the recorder stops on them).
"""
import json, random, sys

def cut(total, size):
    fr, o = [], 0
    while o < total:
        ln = min(size, total - o)
        fr.append({"offset": o, "length": ln, "mf": o + ln < total})
        o += ln
    return fr

def reasm(seed, n, wide):
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        fam = rng.choice(["inet", "inet6"])
        sizes = [rng.randint(0, 200), rng.randint(200, 4000), rng.randint(4000, 20000)]
        if wide: sizes.append(rng.randint(60000, 65535))
        plen = rng.choice(sizes)
        total = plen + 8
        size = rng.choice([8, 16, 24, 64, 512, 1232, 1480, rng.randint(1, 200) * 8])
        fr = cut(total, size)
        if len(fr) > 40:
            fr = cut(total, ((total // 30) // 8 + 1) * 8)
        for _ in range(rng.randint(0, 7 if wide else 3)):
            k = rng.randint(0, 6)
            if k == 0 and fr: fr.append(dict(rng.choice(fr)))                    # a duplicate
            elif k == 1 and len(fr) > 1: fr.pop(rng.randrange(len(fr)))          # one lost
            elif k == 2 and fr:                                                  # other bytes
                j = rng.randrange(len(fr)); fr[j] = dict(fr[j], fill="other")
            elif k == 3:                                                         # a stray piece
                off = rng.randint(0, max(0, total // 8)) * 8
                ln = rng.choice([0, 1, 7, 8, 9, 16, rng.randint(1, 600)])
                fr.insert(rng.randint(0, len(fr)), {"offset": off, "length": ln, "mf": rng.random() < 0.7})
            elif k == 4 and fr:                                                  # MF flipped
                j = rng.randrange(len(fr)); fr[j] = dict(fr[j], mf=not fr[j]["mf"])
            elif k == 5 and fr:                                                  # resized
                j = rng.randrange(len(fr))
                fr[j] = dict(fr[j], length=max(0, fr[j]["length"] + rng.choice([-9, -8, -1, 1, 8, 24])))
            elif k == 6:
                rng.shuffle(fr)
            if wide and rng.random() < 0.08 and fr:                              # an end past 64 KiB
                fr.append({"offset": rng.randint(8100, 8189) * 8, "length": rng.randint(1, 200), "mf": rng.random() < 0.5})
            if wide and rng.random() < 0.05 and fr:                              # another datagram's piece
                fr.insert(rng.randint(0, len(fr)), dict(rng.choice(fr), id=0x7777))
        if rng.random() < 0.5: rng.shuffle(fr)
        if not fr: fr = [{"offset": 0, "length": total, "mf": False}]
        cases.append({"name": f"rand{seed}-{i}-{fam}", "family": fam, "payload_length": plen, "fragments": fr})
    return cases

def udp(seed, n):
    rng = random.Random(seed)
    cs = []
    for i in range(n):
        fam = rng.choice(["inet", "inet6"])
        rcvbuf = rng.choice([None, None, 0, rng.randint(1, 5000), rng.randint(5000, 300000),
                             rng.choice([1152, 2304, 4608, 16384, 65536, 212992])])
        k = rng.randint(1, 60)
        mx = 65507 if fam == "inet" else 65527
        kind = rng.random()
        if kind < 0.3: ds = [rng.randint(0, 100)] * k
        elif kind < 0.6: ds = [rng.randint(0, 4000) for _ in range(k)]
        else: ds = [rng.choice([rng.randint(0, mx), mx, 1, 0, 1472, 1473, 1232]) for _ in range(min(k, 20))]
        c = {"name": f"urand{seed}-{i}-{fam}", "family": fam, "rcvbuf": rcvbuf, "datagrams": ds,
             "read_buffer": rng.choice([65536, 65536, 0, 1, 100, rng.randint(0, 70000)])}
        if rng.random() < 0.3: c["mtu"] = rng.choice([1500, 9000, 576 if fam == "inet" else 1280, 1280, 65536])
        if rng.random() < 0.05: c["receiver"] = "none"
        cs.append(c)
    return cs

OPTS = ["070f04" + "00" * 12, "0727" + "04" + "00" * 36, "440c0500" + "00" * 8, "94040000", "01019404000000"]
PROTOS = [253, 254, 17, 6, 1, 58, 2, 4, 41, 47, 50, 51, 89, 103, 108, 115, 132, 136, 135, 139, 142, 143, 60, 43, 59, 200]

def frag(seed, n):
    rng = random.Random(seed)
    cs = []
    for i in range(n):
        fam = rng.choice(["inet", "inet", "inet6"])
        kind = rng.choice(["udp", "udp", "raw"])
        mtu = rng.choice([68, 128, 296, 576, 1280, 1500, 9000, 65536, rng.randint(68, 3000)])
        if fam == "inet6" and mtu < 1280: mtu = rng.choice([1280, 1500, 1400, 2000, 65536])
        c = {"name": f"frand{seed}-{i}-{fam}-{kind}", "family": fam, "mtu": mtu}
        if kind == "raw": c["socket"] = "raw"; c["protocol"] = rng.choice(PROTOS)
        shape = rng.random()
        big = 65507 if fam == "inet" else 65527
        pick = lambda: rng.choice([rng.randint(0, 100), rng.randint(0, 3000), rng.randint(0, big + 30),
                                   mtu - 28, mtu - 27, mtu - 48, mtu - 47, 1, 0])
        if shape < 0.55: c["size"] = max(0, pick())
        elif shape < 0.8: c["sends"] = [max(0, pick()) % 40000 for _ in range(rng.randint(2, 5))]
        else: c["iov"] = [max(0, pick()) % 30000 for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.35: c["pmtudisc"] = rng.choice(["dont", "want", "do", "probe", "interface", "omit"])
        if fam == "inet" and rng.random() < 0.2: c["ip_options_hex"] = rng.choice(OPTS)
        cs.append(c)
    return cs

def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("frag", "reasm", "reasm-wide", "udp"): sys.exit(__doc__)
    kind, seed, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    cases = (frag(seed, n) if kind == "frag" else udp(seed, n) if kind == "udp"
             else reasm(seed, n, kind == "reasm-wide"))
    json.dump(cases, open(out, "w"), indent=1)
    print(len(cases))

if __name__ == "__main__":
    main()
