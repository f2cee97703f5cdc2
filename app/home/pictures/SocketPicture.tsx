/** The Socket card: what the default socket() call builds (core/socket sysSocket). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createSocketStore } from '../../labs/Socket/store.ts';
import { HOME } from '../words.ts';
import { Figure } from './Figure.tsx';

function Box({ x, y, w, text, kind }: { x: number; y: number; w: number; text: string; kind: string }) {
  return (
    <g>
      <rect className={`home-box home-box--${kind}`} x={x} y={y} width={w} height={22} rx={4} />
      <text className="home-pic-code" x={x + 6} y={y + 15}>
        {text}
      </text>
    </g>
  );
}

export default function SocketPicture() {
  const intl = useIntl();
  const [s] = useState(() => {
    const st = createSocketStore().getState();
    return st.result?.socket ?? null;
  });
  if (!s) return null;
  if (!s.ok)
    return (
      <Figure height={30} caption={fmtNode(intl, HOME.capSocketFail, { errno: s.errno, code: codeChunks })}>
        <Box x={0} y={4} w={80} text="socket()" kind="call" />
        <Box x={110} y={4} w={120} text={s.errno} kind="bad" />
      </Figure>
    );
  const caption = fmtNode(intl, HOME.capSocket, {
    ops: s.ops.name,
    prot: s.prot.name,
    n: s.trace.length,
    code: codeChunks,
  });
  return (
    <Figure height={60} caption={caption}>
      <Box x={0} y={19} w={72} text="socket()" kind="call" />
      <path className="home-link" d="M72 30 C 86 30, 86 15, 100 15 M72 30 C 86 30, 86 45, 100 45" />
      <Box x={100} y={4} w={200} text={`sock->ops = ${s.ops.name}`} kind="table" />
      <Box x={100} y={34} w={200} text={`sk->sk_prot = ${s.prot.name}`} kind="table" />
    </Figure>
  );
}
