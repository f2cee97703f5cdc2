/** The lab component for each route; a finished lab adds one entry here (and `ready: true` in routes.ts). */
import type { ComponentType } from 'react';
import { FragmentLab } from './Fragment/FragmentLab.tsx';
import { JourneyLab } from './Journey/JourneyLab.tsx';
import { NetlinkLab } from './Netlink/NetlinkLab.tsx';
import { ReassembleLab } from './Reassemble/ReassembleLab.tsx';
import { SkbLab } from './Skb/SkbLab.tsx';
import { SocketLab } from './Socket/SocketLab.tsx';

export const LAB_COMPONENTS: Readonly<Record<string, ComponentType>> = {
  fragment: FragmentLab,
  journey: JourneyLab,
  netlink: NetlinkLab,
  reassemble: ReassembleLab,
  skb: SkbLab,
  socket: SocketLab,
};
