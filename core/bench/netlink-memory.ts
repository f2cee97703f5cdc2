/**
 * Run by netlink-peers.ts as `node --expose-gc --import tsx core/bench/netlink-memory.ts`: the
 * bytes that decoded results of the 204-link dump keep alive, per result (the input itself not
 * counted), averaged over ten results held at once. Prints one number.
 */
import { decodeNetlink } from '../netlink/index.ts';
import { loadDump } from './netlink-peers.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const { all } = loadDump();
for (let i = 0; i < 5; i++) decodeNetlink(all, { family: 'route' });
const keep: unknown[] = [];
gc();
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 10; i++) keep.push(decodeNetlink(all, { family: 'route' }));
gc();
gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(`${Math.max(0, Math.round((after - before) / keep.length))}\n`);
