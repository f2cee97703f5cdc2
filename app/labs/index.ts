/**
 * Every lab, in teaching order: from socket() down to the wire and back. The shell's navigation,
 * its routes and URL sync all read this list — adding a lab is a folder in labs/ and one line here.
 */
import type { Lab } from '../lab-kit/index.ts';
import { fragmentLab } from './Fragment/lab.ts';
import { journeyLab } from './Journey/lab.ts';
import { netlinkLab } from './Netlink/lab.ts';
import { reassembleLab } from './Reassemble/lab.ts';
import { skbLab } from './Skb/lab.ts';
import { socketLab } from './Socket/lab.ts';

export const LABS: readonly Lab[] = [socketLab, netlinkLab, skbLab, fragmentLab, reassembleLab, journeyLab];

/** The lab an empty hash opens. */
export const DEFAULT_LAB = 'fragment';
