/**
 * The capture worker: the file is read here, off the page's thread, so a 100 MB capture never
 * freezes the page (session.ts does the work; this file only carries the messages).
 */
import type { PageRequest, WorkerReply } from './protocol.ts';
import { CaptureSession } from './session.ts';

const session = new CaptureSession();
const post = (m: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);

self.addEventListener('message', (e: MessageEvent<PageRequest>) => {
  const req = e.data;
  if (!req || typeof req !== 'object') return;
  if (req.type === 'open') void session.open(req.file, req.name, req.seq, post);
  else if (req.type === 'rows')
    post({ type: 'rows', seq: req.seq, from: req.from, rows: session.rows(req.from, req.count) });
  else if (req.type === 'compare')
    post({ type: 'compared', seq: req.seq, ...session.compare(req.group, req.mtu) });
});
