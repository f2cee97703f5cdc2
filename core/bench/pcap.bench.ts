/**
 * The capture reader on a ~100 MB pcapng (the size the app reads in a Web Worker): one push,
 * 1 MiB chunks as the Worker pushes them, and the whole analysis (dissect, group, replay) of a
 * smaller capture. Figures only; nothing here fails on a number.
 */
import { bench, describe } from 'vitest';
import { DEFAULT_SEND_INPUT, ipSend } from '../ip/index.ts';
import { analyzeCapture, createPcapReader, exportSend, readPcap, writePcapng } from '../pcap/index.ts';

function bigCapture(targetBytes: number): Uint8Array {
  const e = exportSend(ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 1500 }));
  if (!e.ok) throw new Error(e.message);
  const one = readPcap(e.bytes).packets;
  const packets = [];
  let size = 0;
  for (let k = 0; size < targetBytes; k++)
    for (const p of one) {
      packets.push({ interface: 0, time: { sec: 1_735_689_600 + k, nsec: p.time.nsec }, data: p.data });
      size += p.data.length + 32;
    }
  return writePcapng({ interfaces: [{ linkType: 1 }], packets });
}

const big = bigCapture(100 * 1024 * 1024);
const small = bigCapture(4 * 1024 * 1024);

describe(`read a ${(big.length / 2 ** 20).toFixed(0)} MiB pcapng`, () => {
  bench(
    'one push',
    () => {
      readPcap(big);
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    '1 MiB chunks (as the Worker reads a File)',
    () => {
      const r = createPcapReader();
      for (let o = 0; o < big.length; o += 1 << 20) r.push(big.subarray(o, o + (1 << 20)));
      r.end();
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

describe(`analyse a ${(small.length / 2 ** 20).toFixed(0)} MiB capture (dissect, group, replay every group)`, () => {
  const cap = readPcap(small);
  bench(
    'analyzeCapture',
    () => {
      analyzeCapture(cap);
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
