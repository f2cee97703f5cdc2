import { readFileSync } from 'node:fs';
import { readPcap } from './reader.ts';
import { analyzeCapture } from './analyze.ts';
for (const f of ['sendto-lo.pcap','sendto-any.pcap','sendto-sll.pcap','raw-frags-lo.pcap','veth.pcap','netlink.pcap','sendto-lo-nsec.pcap','sendto-lo-nsec.pcapng','multi-if.pcapng','sendto-lo-be.pcap','raw-frags-be-spb.pcapng']) {
  const c = readPcap(new Uint8Array(readFileSync('/work/pcap/core/pcap/fixtures/' + f)));
  const a = analyzeCapture(c);
  console.log(f, c.format, c.endian, c.packets.length, c.interfaces.map(i=>i.linkType+'/'+i.tsresol.exp), c.diagnostics.map(d=>d.message), a.groups.length, a.replays.map(r => r.result.ok ? r.result.arrivals.map(x=>x.verdict).join(',')+' del='+r.result.delivered.map(d=>d.length) : r.result.why).join(' | '));
  for (const v of a.views) if (v.diagnostics.length) console.log('  ', v.index, v.diagnostics.map(d=>d.message));
}
