/** The oracle formats the conformance runner knows, tried in order. */
import type { OracleFormat } from '../types.ts';
import { fragmentationFormat } from './fragmentation.ts';
import { netlinkConversationsFormat } from './netlink-conversations.ts';
import { netlinkMacrosFormat } from './netlink-macros.ts';
import { netlinkTsharkFormat } from './netlink-tshark.ts';
import { reassemblyFormat } from './reassembly.ts';
import { sndbufBoundariesFormat } from './sndbuf-boundaries.ts';
import { socketMatrixFormat } from './socket-matrix.ts';
import { udpReceiveFormat } from './udp-receive.ts';

export const FORMATS: readonly OracleFormat[] = [
  fragmentationFormat,
  sndbufBoundariesFormat,
  socketMatrixFormat,
  reassemblyFormat,
  netlinkMacrosFormat,
  netlinkConversationsFormat,
  netlinkTsharkFormat,
  udpReceiveFormat,
];

export function formatFor(doc: unknown): OracleFormat | undefined {
  return FORMATS.find((f) => {
    try {
      return f.detect(doc);
    } catch {
      return false;
    }
  });
}
