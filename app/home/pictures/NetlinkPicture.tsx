/** The Netlink card: the default message's layout, header by header (core/netlink decode). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createNetlinkStore } from '../../labs/Netlink/store.ts';
import { HOME } from '../words.ts';
import { Figure, SegmentRow } from './Figure.tsx';
import type { Seg } from './Figure.tsx';

/** sizeof(struct nlmsghdr) (include/uapi/linux/netlink.h). */
const NLMSG_HDRLEN = 16;

export default function NetlinkPicture() {
  const intl = useIntl();
  const [r] = useState(() => {
    const s = createNetlinkStore().getState();
    return { result: s.result, bytes: s.bytes.length };
  });
  const m = r.result.messages[0];
  if (!m) return null;
  const fh = m.familyHeader?.size ?? 0;
  const rest = Math.max(0, m.len - NLMSG_HDRLEN - fh);
  const segs: Seg[] = [
    { kind: 'ip', bytes: NLMSG_HDRLEN, label: `nlmsghdr ${NLMSG_HDRLEN}` },
    ...(m.familyHeader ? [{ kind: 'udp', bytes: fh, label: `${m.familyHeader.name} ${fh}` }] : []),
    ...(rest > 0 ? [{ kind: 'payload', bytes: rest, label: `nlattr ${rest}` }] : []),
    ...(m.padding > 0 ? [{ kind: 'room', bytes: m.padding }] : []),
  ];
  const caption = fmtNode(intl, HOME.capNetlink, {
    n: r.result.messages.length,
    bytes: r.bytes,
    first: m.typeName,
    code: codeChunks,
  });
  return (
    <Figure height={44} caption={caption}>
      <text className="home-pic-code" x={0} y={12}>
        {`${m.typeName} nlmsg_len=${m.len}`}
      </text>
      <SegmentRow y={18} h={24} min={60} segs={segs} />
    </Figure>
  );
}
