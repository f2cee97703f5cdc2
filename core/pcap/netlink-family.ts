/** Netlink protocol numbers (include/uapi/linux/netlink.h) and the families core/netlink decodes. */
import type { NlFamily } from '../netlink/index.ts';

/** NETLINK_ROUTE 0, NETLINK_GENERIC 16: the two core/netlink knows message by message. */
export const NETLINK_FAMILY_NUMBERS: Record<string, number> = { route: 0, generic: 16 };

/** The family core/netlink decodes a protocol's messages as (`raw`: the framing only). */
export const netlinkFamilyOf = (protocol: number): NlFamily =>
  protocol === 0 ? 'route' : protocol === 16 ? 'generic' : 'raw';
