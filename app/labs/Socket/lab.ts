import { LAB_NAMES } from '../names.ts';
import { defineLab, formParams } from '../../lab-kit/index.ts';
import { SOCKET_KEYS, parseSocketQuery, serialiseSocketQuery } from './params.ts';
import { SocketProvider, createSocketStore } from './store.ts';
import type { SocketState } from './store.ts';
import { socketPrimer } from './primer.ts';

export const socketParams = formParams<SocketState>({
  keys: SOCKET_KEYS,
  parse: parseSocketQuery,
  serialise: serialiseSocketQuery,
});

export const socketLab = defineLab<SocketState>({
  path: 'socket',
  primer: socketPrimer,
  words: LAB_NAMES.socket,
  summary:
    'Pick a domain, type and protocol (with flags and privilege) and follow __sock_create → pf->create → the inetsw walk to the proto_ops and proto tables — or to the errno and the line that returns it. Then dispatch connect, sendmsg or listen through those tables.',
  models: 'net/socket.c, net/ipv4/af_inet.c',
  embedControls: ['domain', 'type', 'protocol'],
  params: socketParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.socketChallenge),
  createStore: createSocketStore,
  Provider: SocketProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./SocketLab.tsx').then((m) => m.SocketLab),
});
