#!/usr/bin/env python3
"""Record real netlink traffic and Wireshark's reading of it: the `netlink-tshark` fixture.

What it does (run as root on a Linux machine with iproute2, python3 and tshark installed):

1. Makes a private network namespace `nltshark` with lo, a veth pair (v0/v1), a bridge br0,
   a VLAN v0.5, a VXLAN vx0 and an ifb0 when the kernel has them, IPv4/IPv6 addresses and two routes.
2. Talks to the kernel in that namespace on NETLINK_ROUTE and NETLINK_GENERIC sockets, as
   `ip link`, `ip addr`, `ip route`, `ip neigh`, `ip link add ... type veth`, `ip link del`
   and `genl ctrl list` would: dumps, single GETs, NEW/DEL requests with NLM_F_ACK, and
   error cases (-EEXIST, -ENODEV, "Unknown device type" with NETLINK_EXT_ACK, a generic
   netlink family that does not exist). Every request sent and every buffer recv() returned
   is kept byte for byte. No nlmon device is needed (containers often lack the module): the
   bytes come straight from the socket.
3. Writes each buffer as one packet of a pcap with link type 253 (LINKTYPE_NETLINK): a
   16-byte Linux cooked header (sll_hatype = ARPHRD_NETLINK 824, sll_protocol = the netlink
   family, big-endian) followed by the netlink bytes, exactly what nlmon would capture.
4. Runs `tshark -r FILE -T pdml` on it and keeps Wireshark's facts for every message (offset,
   nlmsg_len, nlmsg_type, how tshark names the type) and every attribute tshark dissects
   (offset, nla_len, type, NLA_F_NESTED / NLA_F_NET_BYTEORDER, the attribute-type field that
   names its enum, tshark's name, the value field tshark decodes it as and that field's
   ftype from `tshark -G fields`, and the nested attributes below it).
5. Prints the JSON fixture (or writes it with --out). Offsets are from the first netlink byte.

    sudo python3 core/netlink/tools/record-tshark.py \
        --out core/conformance/fixtures/local/netlink-tshark.json

core/conformance/formats/netlink-tshark.ts replays the fixture through core/netlink and
compares the message walk, the attribute walk and the attribute types with tshark's.
"""
import argparse, json, os, platform, socket, struct, subprocess, sys, tempfile, time
import xml.etree.ElementTree as ET

NS = "nltshark"
NETLINK_ROUTE, NETLINK_GENERIC = 0, 16
NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK, NLM_F_DUMP = 1, 2, 4, 0x300
NLM_F_EXCL, NLM_F_CREATE = 0x200, 0x400
RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK = 16, 17, 18
RTM_NEWADDR, RTM_GETADDR, RTM_GETROUTE, RTM_GETNEIGH = 20, 22, 26, 30
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_NAME = 2
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 270, 10, 11
IFLA_IFNAME, IFLA_LINKINFO, IFLA_INFO_KIND, IFLA_INFO_DATA, VETH_INFO_PEER = 3, 18, 1, 2, 1
IFLA_EXT_MASK, RTEXT_FILTER_VF = 29, 1
NLA_F_NESTED = 0x8000


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def nlmsg(mtype, flags, seq, payload):
    return struct.pack("=IHHII", 16 + len(payload), mtype, flags, seq, 0) + payload


def nla(atype, data):
    ln = 4 + len(data)
    return struct.pack("=HH", ln, atype) + data + b"\0" * ((4 - ln % 4) % 4)


def ifinfomsg(index=0, family=socket.AF_UNSPEC):
    return struct.pack("=BxHiII", family, 0, index, 0, 0)


class Talker:
    """One netlink socket; records every request and every recv() buffer."""

    def __init__(self, proto, family_name):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.s.bind((0, 0))
        self.family = family_name
        self.seq = 0
        self.captures = []

    def talk(self, name, what, mtype, flags, payload):
        self.seq += 1
        req = nlmsg(mtype, flags, self.seq, payload)
        self.captures.append({"name": f"{name}/request", "what": what, "family": self.family,
                              "direction": "user-to-kernel", "hex": req.hex()})
        self.s.send(req)
        n = 0
        while True:
            data = self.s.recv(1 << 20)
            n += 1
            self.captures.append({"name": f"{name}/reply-{n}", "what": what, "family": self.family,
                                  "direction": "kernel-to-user", "hex": data.hex()})
            off, stop = 0, False
            while off + 16 <= len(data):
                ln, typ, fl = struct.unpack_from("=IHH", data, off)
                if typ in (2, 3) or not (fl & NLM_F_MULTI):
                    stop = True
                if ln < 16:
                    break
                off += (ln + 3) & ~3
            if stop:
                return


def record():
    r = Talker(NETLINK_ROUTE, "route")
    r.talk("getlink-dump", "ip link: RTM_GETLINK dump (lo, veth, bridge, vxlan, ifb: nested IFLA_LINKINFO, IFLA_AF_SPEC, stats)",
           RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, ifinfomsg() + nla(IFLA_EXT_MASK, struct.pack("=I", RTEXT_FILTER_VF)))
    r.talk("getlink-v0", "ip link show v0: RTM_GETLINK of one interface by IFLA_IFNAME",
           RTM_GETLINK, NLM_F_REQUEST, ifinfomsg() + nla(IFLA_IFNAME, b"v0\0"))
    for fam, nm in ((socket.AF_INET, "inet"), (socket.AF_INET6, "inet6")):
        r.talk(f"getaddr-{nm}", f"ip -{4 if nm == 'inet' else 6} addr: RTM_GETADDR dump",
               RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, struct.pack("=BBBBI", fam, 0, 0, 0, 0))
        r.talk(f"getroute-{nm}", f"ip -{4 if nm == 'inet' else 6} route show table all: RTM_GETROUTE dump",
               RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, struct.pack("=BBBBBBBBI", fam, 0, 0, 0, 0, 0, 0, 0, 0))
    r.talk("getneigh", "ip neigh: RTM_GETNEIGH dump", RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP,
           struct.pack("=BxxxiHBB", socket.AF_UNSPEC, 0, 0, 0, 0))
    idx = socket.if_nametoindex("v0")
    addr = struct.pack("=BBBBI", socket.AF_INET, 24, 0, 0, idx) + nla(1, socket.inet_aton("10.66.0.9")) + nla(2, socket.inet_aton("10.66.0.9"))
    r.talk("newaddr-ack", "ip addr add 10.66.0.9/24 dev v0: RTM_NEWADDR with NLM_F_ACK, answered by an ACK",
           RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, addr)
    r.talk("newaddr-eexist", "the same address again: NLMSG_ERROR -EEXIST with the whole request echoed",
           RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, addr)
    peer = ifinfomsg() + nla(IFLA_IFNAME, b"p1\0")
    veth = (ifinfomsg() + nla(IFLA_IFNAME, b"p0\0")
            + nla(IFLA_LINKINFO | NLA_F_NESTED, nla(IFLA_INFO_KIND, b"veth\0")
                  + nla(IFLA_INFO_DATA | NLA_F_NESTED, nla(VETH_INFO_PEER | NLA_F_NESTED, peer))))
    r.talk("newlink-veth", "ip link add p0 type veth peer name p1: RTM_NEWLINK with nested IFLA_LINKINFO, ACK",
           RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, veth)
    r.talk("dellink-p0", "ip link del p0: RTM_DELLINK by name, ACK", RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK,
           ifinfomsg() + nla(IFLA_IFNAME, b"p0\0"))
    r.talk("dellink-enodev", "ip link del p0 again: NLMSG_ERROR -ENODEV, the request echoed",
           RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, ifinfomsg() + nla(IFLA_IFNAME, b"p0\0"))
    r.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    bad = ifinfomsg() + nla(IFLA_IFNAME, b"bad0\0") + nla(IFLA_LINKINFO | NLA_F_NESTED, nla(IFLA_INFO_KIND, b"nosuchkind\0"))
    r.talk("newlink-extack", "ip link add bad0 type nosuchkind with NETLINK_EXT_ACK: -EOPNOTSUPP, request echoed, extack TLVs",
           RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, bad)
    r.s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    r.talk("newlink-extack-capped", "the same with NETLINK_CAP_ACK too: NLM_F_CAPPED|NLM_F_ACK_TLVS",
           RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, bad)

    g = Talker(NETLINK_GENERIC, "generic")
    genl = lambda cmd: struct.pack("=BBH", cmd, 1, 0)
    g.talk("genl-ctrl-dump", "genl ctrl list: CTRL_CMD_GETFAMILY dump (ops, multicast groups of every family)",
           GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, genl(CTRL_CMD_GETFAMILY))
    g.talk("genl-ctrl-nlctrl", "genl ctrl get name nlctrl: CTRL_CMD_GETFAMILY of one family",
           GENL_ID_CTRL, NLM_F_REQUEST, genl(CTRL_CMD_GETFAMILY) + nla(CTRL_ATTR_FAMILY_NAME, b"nlctrl\0"))
    g.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    g.talk("genl-ctrl-enoent", "CTRL_CMD_GETFAMILY of a family that does not exist: -ENOENT",
           GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, genl(CTRL_CMD_GETFAMILY) + nla(CTRL_ATTR_FAMILY_NAME, b"nosuchfamily\0"))
    return r.captures + g.captures


def setup_namespace():
    sh("ip", "link", "set", "lo", "up")
    sh("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1")
    sh("ip", "link", "add", "link", "v0", "name", "v0.5", "type", "vlan", "id", "5", check=False)
    sh("ip", "link", "add", "br0", "type", "bridge", check=False)
    sh("ip", "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "dev", "v0", check=False)
    sh("ip", "link", "add", "ifb0", "type", "ifb", check=False)
    for dev in ("v0", "v1", "br0"):
        sh("ip", "link", "set", dev, "up", check=False)
    sh("ip", "addr", "add", "10.9.0.1/24", "dev", "v0")
    sh("ip", "addr", "add", "fd00:9::1/64", "dev", "v0", "nodad")
    sh("ip", "route", "add", "10.77.0.0/16", "via", "10.9.0.2", "dev", "v0")
    sh("ip", "-6", "route", "add", "fd00:77::/48", "via", "fd00:9::2", "dev", "v0")
    sh("ip", "neigh", "add", "10.9.0.2", "lladdr", "02:00:00:00:00:02", "dev", "v0", check=False)


def write_pcap(path, captures):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 1 << 20, 253))  # LINKTYPE_NETLINK
        for i, c in enumerate(captures):
            proto = NETLINK_GENERIC if c["family"] == "generic" else NETLINK_ROUTE
            # struct sll_header: pkttype, hatype = ARPHRD_NETLINK, halen, addr[8], protocol (big-endian)
            pkt = struct.pack(">HHH8sH", 4 if c["direction"] == "user-to-kernel" else 0, 824, 0, b"\0" * 8, proto)
            pkt += bytes.fromhex(c["hex"])
            f.write(struct.pack("<IIII", i, 0, len(pkt), len(pkt)) + pkt)


def field_types():
    """hf name -> ftype, from `tshark -G fields` (F<TAB>name<TAB>abbrev<TAB>ftype...)."""
    out = subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True).stdout
    types = {}
    for line in out.splitlines():
        p = line.split("\t")
        if len(p) > 3 and p[0] == "F":
            types[p[2]] = p[3]
    return types


SKIP = ("netlink.attr_len", "netlink.attr_type", "netlink.attr_index")


def attr_of(el, ftypes):
    """A PDML field with a netlink.attr_len / netlink.attr_index child is an attribute."""
    kids = el.findall("field")
    names = [k.get("name") for k in kids]
    if "netlink.attr_len" not in names and "netlink.attr_index" not in names:
        return None
    pos = int(el.get("pos")) - 16
    a = {"offset": pos, "len": None, "type": None, "nested_flag": False, "net_byteorder_flag": False}
    raw = bytes.fromhex(el.get("value") or "")
    if len(raw) >= 4:
        a["len"] = struct.unpack_from("<H", raw, 0)[0]
        rt = struct.unpack_from("<H", raw, 2)[0]
        a["type"] = rt & 0x3FFF
        a["nested_flag"] = bool(rt & 0x8000)
        a["net_byteorder_flag"] = bool(rt & 0x4000)
    for k in kids:
        n = k.get("name")
        if n == "netlink.attr_len":
            a["len"] = int(k.get("show"))
        elif n == "netlink.attr_index":
            a["array_index"] = int(k.get("show"))
        elif n == "netlink.attr_type":
            a["type"] = int(k.get("show"), 16) & 0x3FFF
            for t in k.findall("field"):
                tn = t.get("name")
                if tn == "netlink.attr_type.nested":
                    a["nested_flag"] = t.get("show") in ("1", "True")
                elif tn == "netlink.attr_type.net_byteorder":
                    a["net_byteorder_flag"] = t.get("show") in ("1", "True")
                elif tn:
                    a["enum_field"] = tn
                    sn = t.get("showname") or ""
                    name = sn.split(": ", 1)[-1].rsplit(" (", 1)[0]
                    a["name"] = name
    children, values = [], []
    for k in kids:
        if k.get("name") in SKIP:
            continue
        c = attr_of(k, ftypes)
        if c is not None:
            children.append(c)
            continue
        # An unnamed subtree (e.g. "Statistics") holding more attributes or plain fields.
        sub = [attr_of(x, ftypes) for x in k.iter("field") if x is not k]
        sub = [x for x in sub if x is not None]
        if not k.get("name") and sub:
            children.extend(s for s in sub if not any(s["offset"] > c0["offset"] and s["offset"] < c0["offset"] + (c0["len"] or 0) for c0 in sub if c0 is not s))
            continue
        values.append(k)
    if children:
        a["children"] = children
    elif values:
        if len(values) == 1 and values[0].get("name"):
            v = values[0]
            a["value_field"] = v.get("name")
            a["value_ftype"] = ftypes.get(v.get("name"), "?")
            a["value_size"] = int(v.get("size") or 0)
            a["value_show"] = (v.get("show") or "")[:80]
        else:
            a["value_field"] = "(struct)"
            a["value_ftype"] = "FT_NONE"
            a["value_size"] = sum(int(v.get("size") or 0) for v in values)
    return a


def messages_of(packet, ftypes):
    """Top-level netlink messages: fields with a netlink.hdr_len child, outside an nlmsgerr."""
    out = []

    def visit(el):
        echoed = False  # a header after netlink.error is the echoed request (struct nlmsgerr.msg)
        for k in el.findall("field") + el.findall("proto"):
            if k.get("name") == "netlink.error":
                echoed = True
                continue
            names = [x.get("name") for x in k.findall("field")]
            if "netlink.hdr_len" in names:
                hdr = {x.get("name"): x for x in k.findall("field")}
                tfield = next((x for x in k.findall("field") if x.get("name") in ("netlink.hdr_type", "genl.family_id") or (x.get("name") or "").endswith(".nltype")), None)
                raw = bytes.fromhex(k.get("value") or "")
                m = {"offset": int(k.get("pos")) - 16, "len": int(hdr["netlink.hdr_len"].get("show"))}
                m["type"] = struct.unpack_from("<H", raw, 4)[0] if len(raw) >= 6 else None
                if tfield is not None:
                    m["tshark_type"] = (tfield.get("showname") or "").split(": ", 1)[-1]
                if echoed:
                    out[-1]["echoed"] = m
                    continue
                m["attributes"] = []
                m["_container"] = el
                m["_header"] = k
                out.append(m)
                continue
            visit(k)

    for proto in packet.findall("proto"):
        if proto.get("name") in ("geninfo", "frame", "netlink"):
            continue
        visit(proto)
    # Attributes belong to the message whose header precedes them in the same container.
    for i, m in enumerate(out):
        end = m["offset"] + m["len"]
        siblings = list(m["_container"])
        start = siblings.index(m["_header"])
        for k in siblings[start + 1:]:
            a = attr_of(k, ftypes)
            if a is not None and m["offset"] <= a["offset"] < end:
                m["attributes"].append(a)
        err = m["_container"].find("field[@name='netlink.error']")
        if err is not None and m["_container"] is not m["_header"]:
            m["error"] = int(err.get("show"))
        del m["_container"], m["_header"]
    return out


def dissect(captures):
    with tempfile.TemporaryDirectory() as d:
        pcap = os.path.join(d, "netlink.pcap")
        write_pcap(pcap, captures)
        pdml = subprocess.run(["tshark", "-r", pcap, "-T", "pdml"], capture_output=True, text=True, check=True).stdout
    ftypes = field_types()
    packets = ET.fromstring(pdml).findall("packet")
    assert len(packets) == len(captures), (len(packets), len(captures))
    for c, p in zip(captures, packets):
        c["tshark"] = {"messages": messages_of(p, ftypes)}
        protos = [x.get("name") for x in p.findall("proto")]
        c["tshark"]["protocols"] = [x for x in protos if x not in ("geninfo", "frame")]
        c["tshark"]["malformed"] = "_ws.malformed" in protos


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the fixture here instead of stdout")
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.inside:
        sh("ip", "netns", "del", NS, check=False)
        sh("ip", "netns", "add", NS)
        try:
            cmd = ["ip", "netns", "exec", NS, sys.executable, os.path.abspath(__file__), "--inside"]
            res = subprocess.run(cmd, capture_output=True, text=True)
        finally:
            sh("ip", "netns", "del", NS, check=False)
        if res.returncode:
            sys.stderr.write(res.stderr)
            sys.exit(res.returncode)
        captures = json.loads(res.stdout)
        dissect(captures)
        version = subprocess.run(["tshark", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        doc = {
            "format": "netlink-tshark",
            "what": "Real netlink requests and kernel replies with Wireshark's dissection of each (message walk, attribute walk, attribute types)",
            "recorded_by": "core/netlink/tools/record-tshark.py",
            "kernel": platform.release(),
            "tshark": version,
            "date": time.strftime("%Y-%m-%d"),
            "pcap": "LINKTYPE_NETLINK (253), Linux cooked header with sll_protocol = netlink family",
            "captures": captures,
        }
        text = json.dumps(doc, indent=1) + "\n"
        if args.out:
            with open(args.out, "w") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
        return
    setup_namespace()
    json.dump(record(), sys.stdout)


if __name__ == "__main__":
    main()
