import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { valueImportClosure } from '../test-imports.ts';

/** The receive side: the loopback receiver, the raw handlers and their words. */
const RECEIVE_SIDE = [
  'core/ip/receive.ts',
  'core/ip/receive-messages.ts',
  'core/ip/raw-rcv.ts',
  'core/ip/raw-rcv-messages.ts',
  'core/ip/send-finish.ts',
];

describe('the send path up to the wire loads none of the receive side (issue 17)', () => {
  it('send-wire.ts reaches the sender, not the receiver; send.ts reaches both', () => {
    const wire = valueImportClosure(['core/ip/send-wire.ts']);
    expect(wire.has('core/ip/finish-output.ts')).toBe(true);
    expect(wire.has('core/ip/send-hdrincl.ts')).toBe(true);
    expect(RECEIVE_SIDE.filter((m) => wire.has(m))).toEqual([]);
    // The walk is not blind: ipSend's module reaches every one of them.
    const full = valueImportClosure(['core/ip/send.ts']);
    expect(RECEIVE_SIDE.filter((m) => !full.has(m))).toEqual([]);
  });

  it('the Reassembly lab, which cuts its datagram with ipSendWire, loads no receive side and no core/ip index', () => {
    const lab = readdirSync('app/labs/Reassemble')
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
      .map((f) => `app/labs/Reassemble/${f}`);
    expect(lab.length).toBeGreaterThan(10);
    const reached = valueImportClosure(lab);
    expect(reached.has('core/ip/send-wire.ts')).toBe(true);
    expect([...RECEIVE_SIDE, 'core/ip/index.ts'].filter((m) => reached.has(m))).toEqual([]);
  });

  it('no lab loads core/ip through its index (its catalog part would hold every core/ip message)', () => {
    const labs = readdirSync('app/labs', { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(labs.length).toBeGreaterThanOrEqual(6);
    for (const lab of labs) {
      const files = readdirSync(`app/labs/${lab.name}`)
        .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
        .map((f) => `app/labs/${lab.name}/${f}`);
      const reached = valueImportClosure(files);
      expect(reached.size, lab.name).toBeGreaterThan(files.length);
      expect(reached.has('core/ip/index.ts'), `${lab.name} reaches core/ip/index.ts`).toBe(false);
    }
  });
});
