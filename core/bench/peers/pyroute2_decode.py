#!/usr/bin/python3
"""pyroute2's decoding of the same netlink bytes sockscope decodes (core/bench/netlink-peers.ts).

Reads a netlink-conversations fixture, parses every recvmsg() buffer with pyroute2's
MarshalRtnl (what IPRoute.get_links() does with each buffer: every message and attribute
decoded into Python objects), `runs` times, and prints the timings as JSON. Run it with
/usr/bin/python3: Debian's python3-pyroute2 imports there only.

    /usr/bin/python3 core/bench/peers/pyroute2_decode.py FIXTURE.json [runs]
"""
import json, sys, time

from pyroute2.netlink.rtnl.marshal import MarshalRtnl


def main():
    doc = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    bufs = [bytes.fromhex(r["hex"]) for r in doc["conversations"][0]["replies"]]
    marshal = MarshalRtnl()

    def parse():
        out = []
        for b in bufs:
            out.extend(marshal.parse(b))
        return out

    msgs = parse()
    for _ in range(3):
        parse()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        parse()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(json.dumps({
        "bytes": sum(len(b) for b in bufs),
        "messages": len(msgs),
        "median_ms": times[len(times) // 2],
        "min_ms": times[0],
        "version": __import__("importlib.metadata").metadata.version("pyroute2"),
    }))


if __name__ == "__main__":
    main()
