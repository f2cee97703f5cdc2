#!/usr/bin/env python3
"""Record a big real RTM_GETLINK dump: the `netlink-link-dump` fixture the netlink benchmarks use.

What it does (run as root on a Linux machine with iproute2 and python3):

1. Makes a private network namespace `nllinkdump` and fills it with many links: lo, 100 veth
   pairs (200 links), a bridge with 20 of them enslaved, a VXLAN and an ifb when the kernel has
   them; some up, some with another MTU, IPv4/IPv6 addresses on a few (so IFLA_AF_SPEC differs).
2. Sends the request `ip link show` sends (RTM_GETLINK, NLM_F_REQUEST|NLM_F_DUMP, an ifinfomsg
   and IFLA_EXT_MASK = RTEXT_FILTER_VF) on a NETLINK_ROUTE socket inside the namespace and keeps
   every buffer recv() returns, byte for byte, until NLMSG_DONE. netlink_dump fills one skb of at
   most 32 KiB per recv(), so the dump arrives in several buffers.
3. Deletes the namespace and prints the fixture (or writes it with --out) in the
   `netlink-conversations` oracle format (request_hex, replies[].hex, replies[].msg_flags), so the
   conformance runner can replay it: `npm run conformance -- FILE`.

    sudo python3 core/netlink/tools/record-link-dump.py --pairs 100 \
        --out core/conformance/fixtures/linux-6.18/netlink-link-dump.json
"""
import argparse, json, os, platform, socket, struct, subprocess, sys, time

NS = "nllinkdump"
NETLINK_ROUTE = 0
NLM_F_REQUEST, NLM_F_MULTI, NLM_F_DUMP = 1, 2, 0x300
RTM_GETLINK = 18
IFLA_EXT_MASK, RTEXT_FILTER_VF = 29, 1
MSG_TRUNC = 0x20


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def nla(atype, data):
    ln = 4 + len(data)
    return struct.pack("=HH", ln, atype) + data + b"\0" * ((4 - ln % 4) % 4)


def setup(pairs):
    sh("ip", "link", "set", "lo", "up")
    sh("ip", "link", "add", "br0", "type", "bridge", check=False)
    sh("ip", "link", "set", "br0", "up", check=False)
    for i in range(pairs):
        a, b = f"va{i}", f"vb{i}"
        sh("ip", "link", "add", a, "type", "veth", "peer", "name", b)
        if i % 3 == 0:
            sh("ip", "link", "set", a, "mtu", "9000")
        if i % 2 == 0:
            sh("ip", "link", "set", a, "up")
            sh("ip", "link", "set", b, "up")
        if i < 20:
            sh("ip", "link", "set", b, "master", "br0", check=False)
        if i % 10 == 0:
            sh("ip", "addr", "add", f"10.{i}.0.1/24", "dev", a)
            sh("ip", "addr", "add", f"fd00:{i:x}::1/64", "dev", a, "nodad")
    sh("ip", "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "dev", "va0", check=False)
    sh("ip", "link", "add", "ifb0", "type", "ifb", check=False)


def dump():
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    s.bind((0, 0))
    payload = struct.pack("=BxHiII", socket.AF_UNSPEC, 0, 0, 0, 0) + nla(IFLA_EXT_MASK, struct.pack("=I", RTEXT_FILTER_VF))
    req = struct.pack("=IHHII", 16 + len(payload), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0) + payload
    s.send(req)
    replies = []
    while True:
        data, _, flags, _ = s.recvmsg(1 << 20)
        replies.append({"hex": data.hex(), "msg_flags": flags & MSG_TRUNC})
        off, done = 0, False
        while off + 16 <= len(data):
            ln, typ = struct.unpack_from("=IH", data, off)
            if typ in (2, 3):
                done = True
            if ln < 16:
                break
            off += (ln + 3) & ~3
        if done:
            break
    # What the kernel reports by other ways than our bytes: iproute2's own decode (ip -j link)
    # and sysfs. The test checks that decoding the recorded bytes gives these names.
    shown = json.loads(subprocess.run(["ip", "-j", "link", "show"], capture_output=True, text=True).stdout)
    names = [l["ifname"] for l in sorted(shown, key=lambda l: l["ifindex"])]
    sysfs = sorted(os.listdir("/sys/class/net"))
    if sorted(names) != sysfs:
        sys.exit(f"ip -j link and /sys/class/net disagree: {sorted(names)} vs {sysfs}")
    return {"request_hex": req.hex(), "replies": replies, "links": len(names), "names": names}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the fixture here instead of stdout")
    ap.add_argument("--pairs", type=int, default=100, help="veth pairs to create (2 links each)")
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        setup(args.pairs)
        json.dump(dump(), sys.stdout)
        return
    sh("ip", "netns", "del", NS, check=False)
    sh("ip", "netns", "add", NS)
    try:
        cmd = ["ip", "netns", "exec", NS, sys.executable, os.path.abspath(__file__), "--inside", "--pairs", str(args.pairs)]
        res = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        sh("ip", "netns", "del", NS, check=False)
    if res.returncode:
        sys.stderr.write(res.stderr)
        sys.exit(res.returncode)
    rec = json.loads(res.stdout)
    size = sum(len(r["hex"]) // 2 for r in rec["replies"])
    doc = {
        "format": "netlink-conversations",
        "meta": {
            "kernel": platform.release(),
            "machine": platform.machine(),
            "byte_order": sys.byteorder,
            "recorded_by": "core/netlink/tools/record-link-dump.py",
            "date": time.strftime("%Y-%m-%d"),
            "setup": f"netns with lo, br0, {args.pairs} veth pairs (20 peers in br0, some up, some MTU 9000, "
            "addresses on every tenth), vxlan vx0 and ifb0 where the kernel has them",
            "links": rec["links"],
            "names": rec["names"],
            "names_from": "ip -j link show (iproute2's own decode), checked against /sys/class/net, in ifindex order",
            "bytes": size,
            "note": "Interface indexes, MAC addresses, statistics and port ids vary from run to run; structure and lengths do not.",
        },
        "conversations": [
            {
                "name": "getlink-dump-many",
                "what": f"ip link show: RTM_GETLINK dump of {rec['links']} links in {len(rec['replies'])} recvmsg buffers",
                "family": "route",
                "request_hex": rec["request_hex"],
                "replies": rec["replies"],
            }
        ],
    }
    text = json.dumps(doc, indent=1) + "\n"
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
