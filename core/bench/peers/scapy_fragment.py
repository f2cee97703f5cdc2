#!/usr/bin/python3
"""scapy's fragment() and defragment() on the inputs sockscope's send and reassembly models take
(core/bench/fragment-peers.ts). For each "payload:mtu" case: one IPv4/UDP datagram of `payload`
bytes, cut by fragment() into pieces of (mtu - 20) & ~7 bytes, then those pieces put back by
defragment(); each timed `runs` times inside Python (interpreter start-up not counted). Prints
JSON. Run it with /usr/bin/python3: Debian's python3-scapy imports there only.

    /usr/bin/python3 core/bench/peers/scapy_fragment.py runs 65507:68 4000:1500 ...
"""
import json, sys, time

from scapy.all import IP, UDP, Raw, fragment, defragment, conf

conf.verb = 0
# defragment() chains one payload per fragment recursively: 1,365 fragments need a deeper stack.
sys.setrecursionlimit(20000)


def timed(f, runs):
    for _ in range(2):
        f()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2], times[0]


def main():
    runs = int(sys.argv[1])
    out = []
    for case in sys.argv[2:]:
        size, mtu = (int(x) for x in case.split(":"))
        pkt = IP(src="127.0.0.1", dst="127.0.0.1", id=1) / UDP(sport=1, dport=2) / Raw(b"x" * size)
        fragsize = (mtu - 20) & ~7
        # As they would arrive: parsed from their bytes.
        frags = [IP(bytes(f)) for f in fragment(pkt, fragsize=fragsize)]
        send_med, send_min = timed(lambda: fragment(pkt, fragsize=fragsize), runs)
        re_med, re_min = timed(lambda: defragment(frags), runs)
        out.append({"case": case, "fragments": len(frags), "fragment_ms": send_med,
                    "fragment_min_ms": send_min, "defragment_ms": re_med, "defragment_min_ms": re_min})
    print(json.dumps({"version": __import__("scapy").VERSION, "cases": out}))


if __name__ == "__main__":
    main()
