import type { Text } from '../i18n/msg.ts';
import type { DropReason } from '../drops/types.ts';

/**
 * A trace is the ordered list of kernel steps a pipeline went through. Panels and the
 * animation are views of a trace at a step index; they never recompute kernel behaviour.
 *
 * `W` is what `why` holds. Transitional: modules converted to messages use `Msg` (core/socket
 * does), the others still write English strings (the default); code that shows any trace takes
 * `TraceStep<S, Text>` and renders `why` with core/i18n's renderText. Once every module returns
 * messages the default becomes `Msg` and the parameter goes.
 */
export interface TraceStep<S = unknown, W extends Text = string> {
  /** The kernel function this step models, e.g. `__ip_append_data`. */
  fn: string;
  /** Its source file in the kernel tree, e.g. `net/ipv4/ip_output.c`. */
  file: string;
  /** One line saying what the kernel did here and why. */
  why: W;
  /** Where the packet is: going down the sender's stack or up the receiver's. */
  dir: 'down' | 'up';
  /** The state the panels draw at this step (sk_buffs, a socket, a cursor…). */
  snapshot: S;
  /**
   * The skbs this step freed as drops (skb:kfree_skb): reason, freeing function, count. Absent
   * when the step dropped nothing.
   */
  drops?: readonly DropReason[];
}

export type Trace<S = unknown, W extends Text = string> = readonly TraceStep<S, W>[];

/** The kernel version every link and every fixture refers to. */
export const KERNEL_VERSION = 'v6.18';

/** Link to a kernel source file on elixir.bootlin.com at the modelled version. */
export function bootlinUrl(file: string, version: string = KERNEL_VERSION): string {
  return `https://elixir.bootlin.com/linux/${version}/source/${file}`;
}

/** Link to a kernel identifier's definition on elixir.bootlin.com. */
export function bootlinIdentUrl(ident: string, version: string = KERNEL_VERSION): string {
  return `https://elixir.bootlin.com/linux/${version}/A/ident/${ident}`;
}
