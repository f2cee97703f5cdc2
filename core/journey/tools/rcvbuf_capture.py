#!/usr/bin/env python3
"""Record how the running kernel fills a UDP socket's receive queue (sk_rcvbuf).

Run as root: it re-executes itself inside a private network namespace (`ip netns add`)
and deletes it afterwards. For each case it sets the loopback MTU, opens a bound UDP
receiver with SO_RCVBUF, sends N datagrams from another socket without reading, and
records after every send the receiver's rx_queue (sk_rmem_alloc, from /proc/net/udp)
and drops; then the deltas of /proc/net/snmp Udp counters, and what recvmsg returns
(length and MSG_TRUNC) for each queued datagram with the given buffer size.
Prints JSON. Usage: rcvbuf_capture.py > rcvbuf.json
"""
import errno, json, os, platform, socket, subprocess, sys, time

NS = "sockscope-rcvbuf"
MSG_TRUNC = 0x20

CASES = [
    # name, mtu, payload sizes (one per sendto), SO_RCVBUF value, recv buffer size
    {"name": "default rcvbuf, 1000 x 1000 B", "mtu": 65536, "sizes": [1000] * 300, "so_rcvbuf": None, "bufsize": 65536},
    {"name": "small rcvbuf 4096, 100 B datagrams", "mtu": 65536, "sizes": [100] * 20, "so_rcvbuf": 4096, "bufsize": 65536},
    {"name": "small rcvbuf 4096, 1000 B datagrams", "mtu": 65536, "sizes": [1000] * 12, "so_rcvbuf": 4096, "bufsize": 65536},
    {"name": "small rcvbuf 5000, 1000 B datagrams", "mtu": 65536, "sizes": [1000] * 12, "so_rcvbuf": 5000, "bufsize": 65536},
    {"name": "minimum rcvbuf, one 65507 B datagram first", "mtu": 65536, "sizes": [65507, 100, 100], "so_rcvbuf": 0, "bufsize": 65536},
    {"name": "minimum rcvbuf, 100 B datagrams", "mtu": 65536, "sizes": [100] * 10, "so_rcvbuf": 0, "bufsize": 65536},
    {"name": "fragmented 4000 B over MTU 1500, rcvbuf 16384", "mtu": 1500, "sizes": [4000] * 6, "so_rcvbuf": 16384, "bufsize": 65536},
    {"name": "fragmented 65507 B over MTU 1500, default rcvbuf", "mtu": 1500, "sizes": [65507] * 4, "so_rcvbuf": None, "bufsize": 65536},
    {"name": "truncation: 4000 B read with a 1000 B buffer", "mtu": 65536, "sizes": [4000, 300], "so_rcvbuf": None, "bufsize": 1000},
    {"name": "mixed sizes, rcvbuf 8192", "mtu": 65536, "sizes": [10, 3000, 200, 5000, 1, 1500, 64], "so_rcvbuf": 8192, "bufsize": 2048},
    {"name": "largest payload 65507 and one too many", "mtu": 65536, "sizes": [65507, 65508], "so_rcvbuf": None, "bufsize": 65536},
]

def sh(*a):
    subprocess.run(a, check=True)

def snmp_udp():
    with open("/proc/net/snmp") as f:
        lines = [l.split() for l in f if l.startswith("Udp:")]
    return dict(zip(lines[0][1:], map(int, lines[1][1:])))

def udp_row(port):
    with open("/proc/net/udp") as f:
        for line in f.readlines()[1:]:
            p = line.split()
            if int(p[1].split(":")[1], 16) == port:
                return {"rx_queue": int(p[4].split(":")[1], 16), "drops": int(p[12])}
    return None

def run_case(c):
    sh("ip", "link", "set", "lo", "mtu", str(c["mtu"]))
    rcv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if c["so_rcvbuf"] is not None:
        rcv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, c["so_rcvbuf"])
    rcv.bind(("127.0.0.1", 0))
    rcv.setblocking(False)
    port = rcv.getsockname()[1]
    snd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    before = snmp_udp()
    sends = []
    for n in c["sizes"]:
        try:
            sent = snd.sendto(b"x" * n, ("127.0.0.1", port)); err = None
        except OSError as e:
            sent, err = None, errno.errorcode[e.errno]
        time.sleep(0.002)
        row = udp_row(port)
        sends.append({"size": n, "sent": sent, "errno": err, **row})
    after = snmp_udp()
    received = []
    while True:
        try:
            data, anc, flags, addr = rcv.recvmsg(c["bufsize"])
        except BlockingIOError:
            break
        received.append({"length": len(data), "msg_trunc": bool(flags & MSG_TRUNC)})
    out = {**c, "sk_rcvbuf": rcv.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), "sends": sends,
           "received": received,
           "snmp_delta": {k: after[k] - before[k] for k in ("InDatagrams", "InErrors", "RcvbufErrors", "MemErrors") if k in after},
           "drops": udp_row(port)["drops"]}
    rcv.close(); snd.close()
    return out

def main():
    if os.environ.get("IN_NS") != "1":
        subprocess.run(["ip", "netns", "add", NS], check=True)
        try:
            r = subprocess.run(["ip", "netns", "exec", NS, sys.executable, __file__], env={**os.environ, "IN_NS": "1"},
                               capture_output=True, text=True)
            sys.stderr.write(r.stderr); sys.stdout.write(r.stdout)
        finally:
            subprocess.run(["ip", "netns", "del", NS])
        return
    sh("ip", "link", "set", "lo", "up")
    results = [run_case(c) for c in CASES]
    print(json.dumps({"meta": {"kernel": platform.release(), "machine": platform.machine(),
                               "rmem_default": int(open("/proc/sys/net/core/rmem_default").read()),
                               "rmem_max": int(open("/proc/sys/net/core/rmem_max").read()),
                               "script": "core/journey/tools/rcvbuf_capture.py"},
                      "cases": results}, indent=1))

main()
