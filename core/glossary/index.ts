/**
 * core/glossary — every kernel term or variable a student meets in sockscope, as data: a plain
 * explanation and the kernel detail (messages, in English and 简体中文), the source file to link,
 * and related terms; and `findTerms`, which finds the terms a piece of text mentions so a view can
 * link them to their entries.
 */
import { bootlinIdentUrl, bootlinUrl } from '../trace/index.ts';
import { IP_TERMS } from './ip.ts';
import { NETLINK_TERMS } from './netlink.ts';
import { REASSEMBLY_TERMS } from './reassembly.ts';
import { SKB_TERMS } from './skb.ts';
import { SOCKET_TERMS } from './socket.ts';
import type { GlossaryEntry } from './types.ts';

export type { GlossaryEntry } from './types.ts';

/** Every entry, grouped by lab: IP output, sk_buff, reassembly, netlink, sockets. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...IP_TERMS,
  ...SKB_TERMS,
  ...REASSEMBLY_TERMS,
  ...NETLINK_TERMS,
  ...SOCKET_TERMS,
];

const BY_KEY: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((e) => [e.key, e]));

/** The entry for `key` (exactly as shown), or undefined for anything else. */
export function glossaryEntry(key: unknown): GlossaryEntry | undefined {
  return typeof key === 'string' ? BY_KEY.get(key) : undefined;
}

export { glossarySlug } from './slug.ts';

/** Links for an entry: its file, and its identifier's definition when it names one. */
export function glossaryLinks(e: GlossaryEntry): { file: string; ident?: string } {
  return e.ident
    ? { file: bootlinUrl(e.file), ident: bootlinIdentUrl(e.ident) }
    : { file: bootlinUrl(e.file) };
}

/** The longest text `findTerms` reads; the rest is not searched (a caption or a step is far shorter). */
export const MAX_FIND_TEXT = 100_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A match string as a regular expression. Identifiers and Latin words are whole words (letters,
 * digits and `_` around them end a match), so `len` is not found in `nlmsg_len`; lower-case words
 * match in any case (`Fragments`); a trailing `*` matches an identifier prefix (`IPPROTO_UDP`);
 * Chinese terms match anywhere (Chinese has no spaces between words).
 */
function pattern(m: string): RegExp {
  if (/^[^A-Za-z0-9_]+$/.test(m)) return new RegExp(escape(m), 'gu');
  const prefix = m.endsWith('*');
  const body = prefix ? `${escape(m.slice(0, -1))}[A-Za-z0-9_]*` : escape(m).replace(/ /g, '\\s+');
  const flags = /^[a-z][a-z -]*$/.test(m) ? 'giu' : 'gu';
  const start = /^[A-Za-z0-9_]/.test(m) ? '(?<![A-Za-z0-9_])' : '';
  const end = prefix || /[A-Za-z0-9_]$/.test(m) ? '(?![A-Za-z0-9_])' : '';
  return new RegExp(`${start}${body}${end}`, flags);
}

/** Every match string with its key, longest first, so a phrase is claimed by its longest term. */
const PATTERNS: readonly { key: string; re: RegExp }[] = GLOSSARY.flatMap((e) =>
  [...new Set([e.key, ...e.match])].map((m) => ({ key: e.key, m })),
)
  .sort((a, b) => b.m.length - a.m.length)
  .map(({ key, m }) => ({ key, re: pattern(m) }));

/**
 * The glossary keys `text` mentions, in the order they first appear, each once. Longer terms win
 * (`fragment offset` is `frag_off`, not `fragment`), and a span of text counts for one term only.
 * Anything that is not a string gives no terms; text past MAX_FIND_TEXT is not read.
 */
export function findTerms(text: unknown): string[] {
  if (typeof text !== 'string' || text === '') return [];
  let rest = text.length > MAX_FIND_TEXT ? text.slice(0, MAX_FIND_TEXT) : text;
  const found: { at: number; key: string }[] = [];
  for (const { key, re } of PATTERNS) {
    re.lastIndex = 0;
    // Claimed spans are blanked, so a shorter term inside them is not found again.
    rest = rest.replace(re, (m: string, at: number) => {
      found.push({ at, key });
      return '\u0000'.repeat(m.length);
    });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.key))];
}
