/**
 * The words of the sk_buff drawings (SkbBuffer, SkbPanel, SkbFieldsTable and their parts), shared by
 * the sk_buff, Fragmentation and Reassembly labs. Pointer and field names (head, data, tail, end,
 * data_len…) are the kernel's and stay as they are.
 */
import { defineMessages, formatMsg, msgOptional } from '../../../core/i18n/index.ts';
import type { MsgValue } from '../../../core/i18n/index.ts';
import { SHINFO_SIZE } from '../../../core/skb/alloc.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { useLocale } from '../../i18n/locale.ts';

/**
 * A catalog message as plain text in the page's language (attributes, SVG titles, labels):
 * kernel identifiers keep their spelling, the `<code>` marks go.
 */
export function usePlainText() {
  const locale = useLocale();
  return (d: { id: string }, values?: Record<string, MsgValue | undefined>) =>
    formatMsg(msgOptional(d, values), locale);
}

export const SKB_PANEL_WORDS = defineMessages({
  headroom: { id: 'app.skb.headroom', defaultMessage: 'headroom' },
  tailroom: { id: 'app.skb.tailroom', defaultMessage: 'tailroom' },
  zoomEmpty: {
    id: 'app.skb.zoomEmpty',
    defaultMessage:
      '<code>len</code> 0: <code>data</code> = <code>tail</code> — <code>skb_put</code> or <code>skb_push</code> adds bytes',
  },
  bufferLabel: {
    id: 'app.skb.buffer.label',
    defaultMessage:
      '<code>sk_buff</code>: <code>head</code> 0, <code>data</code> {data}, <code>tail</code> {tail}, <code>end</code> {end}; headroom {headroom}, <code>len</code> {len}, tailroom {tailroom}; <code>skb_shared_info</code> after <code>end</code>',
  },
  shinfoTitle: {
    id: 'app.skb.shinfo.title',
    defaultMessage:
      '<code>skb_shared_info</code>: {size} bytes after <code>end</code> (<code>nr_frags</code> {nrFrags}, <code>frag_list</code> {chained, select, none {<code>NULL</code>} other {{count} <code>sk_buff</code>}})',
  },
  regionTitle: {
    id: 'app.skb.region.title',
    defaultMessage:
      '{kind}: {bytes} bytes{range, select, yes { (data bytes {from}–{to})} other {}}{stale, select, yes { — outside <code>data…tail</code>, no longer part of the packet} other {}}',
  },
  gapTitle: { id: 'app.skb.gap.title', defaultMessage: '{bytes} bytes with no header kind' },
  kindEth: { id: 'app.skb.kind.eth', defaultMessage: 'Ethernet' },
  kindIpopt: { id: 'app.skb.kind.ipopt', defaultMessage: 'IP options' },
  kindFrag6: { id: 'app.skb.kind.frag6', defaultMessage: 'Frag hdr' },
  kindPayload: { id: 'app.skb.kind.payload', defaultMessage: 'payload' },
  gapName: { id: 'app.skb.gap.name', defaultMessage: 'unlabelled' },
  valuesAtStep: { id: 'app.skb.panel.values', defaultMessage: 'Values at this step' },
  noSkb: { id: 'app.skb.panel.none', defaultMessage: 'No <code>sk_buff</code> is held at this step.' },
  moreSkbs: {
    id: 'app.skb.panel.more',
    defaultMessage: '… and {n} more <code>sk_buff</code> (listed in the table below).',
  },
  colourKey: { id: 'app.skb.legend.colourKey', defaultMessage: '<code>sk_buff</code> colour key' },
  areas: { id: 'app.skb.legend.areas', defaultMessage: 'Buffer areas' },
  rooms: { id: 'app.skb.legend.rooms', defaultMessage: 'headroom / tailroom' },
  outside: { id: 'app.skb.legend.outside', defaultMessage: 'outside <code>data…tail</code>' },
  seenBefore: { id: 'app.skb.badge.seenBefore', defaultMessage: 'seen before' },
  isNew: { id: 'app.skb.badge.new', defaultMessage: 'new' },
  drawingLabel: {
    id: 'app.skb.drawing.label',
    defaultMessage:
      '{label}: <code>head</code> 0, <code>data</code> {data}, <code>tail</code> {tail}, <code>end</code> {end}, <code>len</code> {len}, <code>data_len</code> {dataLen}, {frags} page frags, {chained} on <code>frag_list</code>',
  },
  fragTitle: { id: 'app.skb.frag.title', defaultMessage: '<code>frags[{i}]</code>: {size} bytes in a page' },
  fragsNote: {
    id: 'app.skb.frags.note',
    defaultMessage:
      '<code>skb_shinfo(skb)→frags</code>: {n, plural, one {# page frag} other {# page frags}}, drawn rounded after <code>skb_shared_info</code>: {sizes} B',
  },
  moreOnChain: { id: 'app.skb.chain.more', defaultMessage: '… {n} more on the chain.' },
  tableRegion: { id: 'app.skb.table.region', defaultMessage: '<code>sk_buff</code> fields, scrollable' },
  tableCaption: { id: 'app.skb.table.caption', defaultMessage: '<code>sk_buff</code> fields' },
  firstOf: { id: 'app.skb.table.firstOf', defaultMessage: '— first {shown} of {total}' },
  field: { id: 'app.skb.table.field', defaultMessage: 'field' },
  was: { id: 'app.skb.table.was', defaultMessage: '(was {value})' },
  newDot: { id: 'app.skb.table.newDot', defaultMessage: 'new at this step' },
});

/** The title of an sk_buff's `skb_shared_info` block: its size, its page frags and its chain. */
export const shinfoTitle = (txt: ReturnType<typeof usePlainText>, skb: SkbSnapshot) =>
  txt(SKB_PANEL_WORDS.shinfoTitle, {
    size: SHINFO_SIZE,
    nrFrags: skb.frags.length,
    chained: skb.frag_list.length ? 'some' : 'none',
    count: skb.frag_list.length,
  });
