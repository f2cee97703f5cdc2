#!/usr/bin/python3
"""Record real captures for core/pcap and Wireshark's reading of them: the pcap fixtures.

Run as root on a Linux machine with iproute2, tcpdump, tshark/editcap (Debian: tshark) and
scapy (Debian: python3-scapy, importable under /usr/bin/python3):

    sudo /usr/bin/python3 core/pcap/tools/record-captures.py --out core/pcap/fixtures

What it does, in private network namespaces it creates and deletes (`sspcap`, `sspcap-peer`):

1. `sendto-lo.pcap` (tcpdump -i lo: LINKTYPE_ETHERNET, microsecond pcap): UDP sendto()s over
   loopback — IPv6 2000 bytes at MTU 1280, IPv4 1200 and 400 bytes at MTU 576, IPv4 with
   IP_OPTIONS (record route: not copied, so NOPs in later fragments; router alert: copied) — each to a bound
   UDP socket whose recv() results are recorded. The same traffic is captured at once with
   `tcpdump -i any` (LINKTYPE_LINUX_SLL2, `sendto-any.pcap`) and `-i any -y LINUX_SLL`
   (`sendto-sll.pcap`).
2. `raw-frags-lo.pcap`: fragments of UDP datagrams crafted with scapy (correct UDP checksums
   over the whole datagram) and written raw — IP_HDRINCL for IPv4, an IPPROTO_RAW AF_INET6
   socket for IPv6 — in a chosen order: reversed, shuffled, duplicated (same and other bytes),
   overlapping, with a piece missing; what each bound UDP socket then received is recorded.
3. `veth.pcap`: a UDP send of 1800 bytes over a veth pair with MTU 1000 between two
   namespaces, captured on the sender's end; the peer's receiver records what it got. (802.1Q
   tags are not recorded: this kernel has no CONFIG_VLAN_8021Q nor bridge VLAN filtering; the
   reader's tag walk is checked on frames the writer tags, read back by tshark.)
4. `netlink.pcap` (LINKTYPE_NETLINK 253): an nlmon device's capture when the kernel has
   CONFIG_NLMON; otherwise the requests and replies of real rtnetlink / genetlink
   conversations, each written as the nlmon device would frame it (16-byte cooked header with
   hatype ARPHRD_NETLINK and the netlink protocol; the netlink bytes in host order), exactly as
   core/netlink/tools/record-tshark.py does.
5. Variants, read back by tshark to prove them: `editcap -F nsecpcap` (nanosecond pcap),
   `editcap -F pcapng` (EPBs, if_tsresol 9), two-interface pcapng made by `mergecap`, and a
   big-endian pcap and a big-endian pcapng with Simple Packet Blocks written by this script
   (editcap writes only the host's byte order).
6. `tshark -T fields` on every file, with IP reassembly off, so every packet's own fields are
   kept: frame and captured lengths, IPv4 ihl/total length/id/DF/MF/offset/protocol/options,
   IPv6 payload length and fragment header, UDP length, VLAN ids, netlink lengths and types,
   and whether Wireshark flagged the packet malformed. Written with the kernel's deliveries
   to `captures.json`.
"""
import argparse, json, os, platform, random, select, signal, socket, struct, subprocess, sys, time

NS, PEER = "sspcap", "sspcap-peer"
HERE = os.path.abspath(__file__)
IP_OPTIONS = 4


def sh(*cmd, check=True, ns=None):
    if ns:
        cmd = ("ip", "netns", "exec", ns) + cmd
    return subprocess.run(cmd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def out(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


class Tcpdump:
    """tcpdump writing a file, started and stopped around some traffic."""

    def __init__(self, path, *args):
        self.p = subprocess.Popen(["tcpdump", "-Z", "root", "-U", "--immediate-mode", "-s", "0", "-w", path, *args],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seen = []
        for line in self.p.stderr:  # "listening on lo, link-type EN10MB ..."
            seen.append(line)
            if "listening" in line:
                break
        else:
            raise SystemExit(f"tcpdump did not start: {''.join(seen)}")
        time.sleep(0.3)

    def stop(self):
        time.sleep(0.5)
        self.p.send_signal(signal.SIGINT)
        self.p.wait(timeout=10)


def receiver(fam, addr):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((addr, 0))
    s.setblocking(False)
    return s, s.getsockname()[1]


def drain(s, wait=0.3):
    got, end = [], time.time() + wait
    while True:
        r = select.select([s], [], [], max(0, end - time.time()))[0]
        if not r:
            return got
        got.append(s.recv(70000))


def body(n, seed):
    return bytes((i * 7 + seed) & 0xFF for i in range(n))


# ---- 1. sendto() over loopback ---------------------------------------------------------

SENDS = [
    # IPv6 first, at MTU 1280 (below 1280 the kernel takes ::1 away), then IPv4 at MTU 576
    {"name": "udp6-2000", "family": "inet6", "len": 2000, "options_hex": "", "mtu": 1280},
    {"name": "udp4-1200", "family": "inet", "len": 1200, "options_hex": "", "mtu": 576},
    {"name": "udp4-400", "family": "inet", "len": 400, "options_hex": "", "mtu": 576},
    # record route, 2 slots: not copied (ip_options_fragment turns it into NOPs after the first)
    {"name": "udp4-rr-1000", "family": "inet", "len": 1000, "options_hex": "070b040000000000000000", "mtu": 576},
    # router alert: copied into every fragment
    {"name": "udp4-ra-1000", "family": "inet", "len": 1000, "options_hex": "94040000", "mtu": 576},
]


def record_sends():
    done = []
    for i, c in enumerate(SENDS):
        fam = socket.AF_INET6 if c["family"] == "inet6" else socket.AF_INET
        addr = "::1" if fam == socket.AF_INET6 else "127.0.0.1"
        sh("ip", "link", "set", "lo", "mtu", str(c["mtu"]))
        r, port = receiver(fam, addr)
        s = socket.socket(fam, socket.SOCK_DGRAM)
        if c["options_hex"]:
            s.setsockopt(socket.IPPROTO_IP, IP_OPTIONS, bytes.fromhex(c["options_hex"]))
        data = body(c["len"], i)
        sent = s.sendto(data, (addr, port))
        got = drain(r)
        done.append({**c, "pmtu": "want", "sock": "udp", "dst_port": port, "sent": sent,
                     "received": [len(g) for g in got], "received_equal": [g == data for g in got]})
        s.close(), r.close()
    return done


# ---- 2. fragments written raw -----------------------------------------------------------

FRAG_CASES = [
    # [offset, length, MF(, "other": the same range with different bytes)] of the UDP datagram
    {"name": "v4-reversed", "family": "inet", "len": 592, "frags": [[0, 200, 1], [200, 200, 1], [400, 200, 0]], "order": [2, 1, 0]},
    {"name": "v4-duplicate", "family": "inet", "len": 592, "frags": [[0, 200, 1], [200, 200, 1], [400, 200, 0]], "order": [0, 1, 1, 2]},
    {"name": "v4-duplicate-other", "family": "inet", "len": 392, "frags": [[0, 200, 1], [200, 200, 0], [0, 200, 1, "other"]], "order": [0, 2, 1]},
    {"name": "v4-overlap", "family": "inet", "len": 592, "frags": [[0, 200, 1], [192, 208, 1, "other"], [400, 200, 0]], "order": [0, 1, 2]},
    {"name": "v4-missing", "family": "inet", "len": 592, "frags": [[0, 200, 1], [400, 200, 0]], "order": [0, 1]},
    {"name": "v4-tail-after", "family": "inet", "len": 392, "frags": [[0, 200, 1], [200, 200, 0]], "order": [1, 0, 1]},
    {"name": "v6-shuffled", "family": "inet6", "len": 792, "frags": [[0, 200, 1], [200, 200, 1], [400, 200, 1], [600, 200, 0]], "order": [2, 0, 3, 1]},
    {"name": "v6-overlap", "family": "inet6", "len": 392, "frags": [[0, 200, 1], [192, 208, 0, "other"]], "order": [0, 1]},
    {"name": "v6-duplicate-other", "family": "inet6", "len": 392, "frags": [[0, 200, 1], [0, 200, 1, "other"], [200, 200, 0]], "order": [0, 1, 2]},
]


def record_frags():
    from scapy.all import IP, IPv6, IPv6ExtHdrFragment, UDP, Raw
    raw4 = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    raw6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_RAW)
    done = []
    for i, c in enumerate(FRAG_CASES):
        v6 = c["family"] == "inet6"
        fam = socket.AF_INET6 if v6 else socket.AF_INET
        addr = "::1" if v6 else "127.0.0.1"
        r, port = receiver(fam, addr)
        payload = body(c["len"], 40 + i)
        ident = 0x5100 + i
        l3 = IPv6(src=addr, dst=addr) if v6 else IP(src=addr, dst=addr, id=ident)
        dgram = bytes((l3 / UDP(sport=40000 + i, dport=port) / Raw(payload))[UDP])  # checksum set
        for k in c["order"]:
            off, ln, mf, *fill = c["frags"][k]
            chunk = dgram[off:off + ln]
            if fill:
                chunk = bytes([0xEE]) * len(chunk)
            if v6:
                pkt = IPv6(src=addr, dst=addr, nh=44) / IPv6ExtHdrFragment(nh=17, offset=off // 8, m=mf, id=ident) / Raw(chunk)
                raw6.sendto(bytes(pkt), (addr, 0))
            else:
                pkt = IP(src=addr, dst=addr, id=ident, proto=17, flags="MF" if mf else 0, frag=off // 8) / Raw(chunk)
                raw4.sendto(bytes(pkt), (addr, 0))
        got = drain(r)
        done.append({**c, "id": ident, "dst_port": port, "delivered": [len(g) for g in got],
                     "delivered_equal": [g == payload for g in got]})
        r.close()
    return done


# ---- 3. VLAN over veth --------------------------------------------------------------------

PEER_RECEIVER = r"""
import json, select, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("10.77.10.2", 9999)); s.setblocking(False)
print("ready", flush=True)
got = []
while select.select([s], [], [], 2.0)[0]: got.append(len(s.recv(70000)))
print(json.dumps(got), flush=True)
"""


def record_veth(path):
    sh("ip", "netns", "add", PEER, check=False)
    try:
        sh("ip", "link", "add", "vA", "type", "veth", "peer", "name", "vB")
        sh("ip", "link", "set", "vB", "netns", PEER)
        for ns, dev, a in ((None, "vA", "10.77.10.1/24"), (PEER, "vB", "10.77.10.2/24")):
            sh("ip", "link", "set", dev, "mtu", "1000", ns=ns)
            sh("ip", "addr", "add", a, "dev", dev, ns=ns)
            sh("ip", "link", "set", dev, "up", ns=ns)
            sh("ip", "link", "set", "lo", "up", ns=ns)
        time.sleep(1.5)  # DAD and carrier
        peer = subprocess.Popen(["ip", "netns", "exec", PEER, sys.executable, "-c", PEER_RECEIVER],
                                stdout=subprocess.PIPE, text=True)
        assert peer.stdout.readline().strip() == "ready"
        cap = Tcpdump(path, "-i", "vA")
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        data = body(1800, 99)
        sent = s.sendto(data, ("10.77.10.2", 9999))
        cap.stop()
        got = json.loads(peer.stdout.readline())
        peer.wait(timeout=10)
        return [{"name": "udp4-veth-1800", "family": "inet", "len": 1800, "mtu": 1000, "pmtu": "want",
                 "sock": "udp", "options_hex": "", "dst_port": 9999, "sent": sent, "received": got}]
    finally:
        sh("ip", "link", "del", "vA", check=False)
        sh("ip", "netns", "del", PEER, check=False)


# ---- 4. netlink ----------------------------------------------------------------------------

def nlmsg(mtype, flags, seq, payload):
    return struct.pack("=IHHII", 16 + len(payload), mtype, flags, seq, 0) + payload


def nla(atype, data):
    ln = 4 + len(data)
    return struct.pack("=HH", ln, atype) + data + b"\0" * ((4 - ln % 4) % 4)


def talk(proto, req):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
    s.bind((0, 0))
    s.send(req)
    bufs = []
    while True:
        data = s.recv(1 << 16)
        bufs.append(data)
        off, stop = 0, False
        while off + 16 <= len(data):
            ln, typ, fl = struct.unpack_from("=IHH", data, off)
            if typ in (2, 3) or not (fl & 2):
                stop = True
            if ln < 16:
                break
            off += (ln + 3) & ~3
        if stop:
            s.close()
            return bufs


def record_netlink(path):
    convs = []
    ifinfo = struct.pack("=BxHiII", 0, 0, 0, 0, 0)
    convs.append((0, "RTM_GETLINK dump", nlmsg(18, 0x301, 1, ifinfo)))
    convs.append((0, "RTM_GETADDR dump", nlmsg(22, 0x301, 2, struct.pack("=BBBBI", 0, 0, 0, 0, 0))))
    convs.append((0, "RTM_DELLINK of a missing device: -ENODEV", nlmsg(17, 0x5, 3, ifinfo + nla(3, b"nosuch0\0"))))
    convs.append((16, "CTRL_CMD_GETFAMILY nlctrl", nlmsg(0x10, 0x1, 4, struct.pack("=BBH", 3, 1, 0) + nla(2, b"nlctrl\0"))))
    nlmon = sh("ip", "link", "add", "nlmon0", "type", "nlmon", check=False) == 0
    frames, facts = [], []
    if nlmon:
        sh("ip", "link", "set", "nlmon0", "up")
        cap = Tcpdump(path, "-i", "nlmon0")
    for proto, what, req in convs:
        replies = talk(proto, req)
        for direction, buf in [("request", req)] + [("reply", b) for b in replies]:
            frames.append((proto, 4 if direction == "request" else 0, buf))
            facts.append({"protocol": proto, "what": what, "direction": direction, "length": len(buf)})
    if nlmon:
        cap.stop()
        sh("ip", "link", "del", "nlmon0", check=False)
        return {"source": "nlmon", "frames": facts}
    with open(path, "wb") as f:
        f.write(struct.pack("=IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 253))
        now = time.time()
        for k, (proto, pkttype, buf) in enumerate(frames):
            sll = struct.pack("!HHH8sH", pkttype, 824, 0, b"\0" * 8, proto)
            t = now + k * 0.001
            f.write(struct.pack("=IIII", int(t), int((t % 1) * 1e6), 16 + len(buf), 16 + len(buf)) + sll + buf)
    return {"source": "sockets (this kernel has no CONFIG_NLMON)", "frames": facts}


# ---- 5. variants ------------------------------------------------------------------------------

def pcap_to_be(src, dst):
    """A pcap file rewritten in big-endian order (header and record headers swapped)."""
    b = open(src, "rb").read()
    magic, = struct.unpack_from("<I", b, 0)
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        raise SystemExit(f"{src}: not a little-endian pcap")
    h = struct.unpack_from("<IHHiIII", b, 0)
    o, parts = 24, [struct.pack(">IHHiIII", *h)]
    while o + 16 <= len(b):
        ts, tu, incl, orig = struct.unpack_from("<IIII", b, o)
        parts.append(struct.pack(">IIII", ts, tu, incl, orig) + b[o + 16:o + 16 + incl])
        o += 16 + incl
    open(dst, "wb").write(b"".join(parts))


def pcap_to_be_spb(src, dst):
    """A one-interface pcap rewritten as a big-endian pcapng: SHB, IDB, Simple Packet Blocks."""
    b = open(src, "rb").read()
    _, _, _, _, _, snap, link = struct.unpack_from("<IHHiIII", b, 0)

    def block(t, body):
        body += b"\0" * ((4 - len(body) % 4) % 4)
        n = 12 + len(body)
        return struct.pack(">II", t, n) + body + struct.pack(">I", n)

    parts = [block(0x0A0D0D0A, struct.pack(">IHHq", 0x1A2B3C4D, 1, 0, -1)),
             block(1, struct.pack(">HHI", link, 0, snap))]
    o = 24
    while o + 16 <= len(b):
        _, _, incl, orig = struct.unpack_from("<IIII", b, o)
        parts.append(block(3, struct.pack(">I", orig) + b[o + 16:o + 16 + incl]))
        o += 16 + incl
    open(dst, "wb").write(b"".join(parts))


# ---- 6. tshark's view ----------------------------------------------------------------------------

FIELDS = ["frame.number", "frame.len", "frame.cap_len", "frame.time_epoch", "frame.interface_id",
          "eth.type", "vlan.id", "sll.pkttype", "sll.hatype", "sll.ltype",
          "ip.hdr_len", "ip.len", "ip.id", "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.proto",
          "ip.src", "ip.dst", "ip.opt.type",
          "ipv6.plen", "ipv6.nxt", "ipv6.src", "ipv6.dst", "ipv6.fraghdr.offset", "ipv6.fraghdr.more",
          "ipv6.fraghdr.ident", "ipv6.fraghdr.nxt", "udp.length", "udp.srcport", "udp.dstport",
          "netlink.hdr_len", "netlink.hdr_type", "netlink.family", "_ws.malformed", "_ws.expert.severity"]


def tshark_facts(path):
    txt = out("tshark", "-n", "-r", path, "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
              "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=,",
              *sum((["-e", f] for f in FIELDS), []))
    rows = []
    for line in txt.splitlines():
        cells = line.split("\t")
        rows.append({f: c for f, c in zip(FIELDS, cells) if c != ""})
    return rows


def inside(outdir):
    sh("ip", "link", "set", "lo", "up")
    time.sleep(0.5)
    p = lambda n: os.path.join(outdir, n)
    caps = [Tcpdump(p("sendto-lo.pcap"), "-i", "lo"), Tcpdump(p("sendto-any.pcap"), "-i", "any"),
            Tcpdump(p("sendto-sll.pcap"), "-i", "any", "-y", "LINUX_SLL")]
    sends = record_sends()
    for c in caps:
        c.stop()
    # MTU 576 took ::1 away: put MTU and address back for the raw fragments
    sh("ip", "link", "set", "lo", "mtu", "1500")
    sh("ip", "addr", "add", "::1/128", "dev", "lo", check=False)
    time.sleep(0.5)
    cap = Tcpdump(p("raw-frags-lo.pcap"), "-i", "lo")
    frags = record_frags()
    cap.stop()
    veth = record_veth(p("veth.pcap"))
    netlink = record_netlink(p("netlink.pcap"))
    # variants
    sh("editcap", "-F", "nsecpcap", p("sendto-lo.pcap"), p("sendto-lo-nsec.pcap"))
    sh("editcap", "-F", "pcapng", p("sendto-lo-nsec.pcap"), p("sendto-lo-nsec.pcapng"))
    sh("mergecap", "-F", "pcapng", "-w", p("multi-if.pcapng"), p("sendto-lo.pcap"), p("netlink.pcap"))
    pcap_to_be(p("sendto-lo.pcap"), p("sendto-lo-be.pcap"))
    pcap_to_be_spb(p("raw-frags-lo.pcap"), p("raw-frags-be-spb.pcapng"))
    files = ["sendto-lo.pcap", "sendto-any.pcap", "sendto-sll.pcap", "raw-frags-lo.pcap", "veth.pcap",
             "netlink.pcap", "sendto-lo-nsec.pcap", "sendto-lo-nsec.pcapng", "multi-if.pcapng",
             "sendto-lo-be.pcap", "raw-frags-be-spb.pcapng"]
    meta = {"kernel": platform.release(), "machine": platform.machine(),
            "tshark": out("tshark", "--version").splitlines()[0],
            "tcpdump": out("tcpdump", "--version").splitlines()[0],
            "recorded": time.strftime("%Y-%m-%d"),
            "setup": "private netns, loopback MTU 1280 for IPv6 and 576 for IPv4 sendto()s; a veth pair (MTU 1000) to a peer netns",
            "tshark_options": "ip.defragment:FALSE ipv6.defragment:FALSE (each fragment dissected alone)"}
    result = {"meta": meta, "sends": sends + veth, "frag_cases": frags, "netlink": netlink,
              "files": {f: tshark_facts(p(f)) for f in files}}
    json.dump(result, open(p("captures.json"), "w"), indent=1)
    print(json.dumps({f: os.path.getsize(p(f)) for f in files}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--inside", action="store_true")
    a = ap.parse_args()
    outdir = os.path.abspath(a.out)
    if a.inside:
        return inside(outdir)
    os.makedirs(outdir, exist_ok=True)
    sh("ip", "netns", "del", NS, check=False)
    sh("ip", "netns", "add", NS)
    try:
        sys.exit(subprocess.run(["ip", "netns", "exec", NS, sys.executable, HERE, "--out", outdir, "--inside"]).returncode)
    finally:
        sh("ip", "netns", "del", NS, check=False)
        sh("ip", "netns", "del", PEER, check=False)


main()
