import type { Msg } from '../i18n/msg.ts';

/**
 * One kernel term or variable a student meets in sockscope. Its words are messages (rendered in
 * the reader's language from core/i18n's catalogs); the key, the file and the identifier are
 * kernel names and are never translated.
 */
export interface GlossaryEntry {
  /** The term exactly as sockscope shows it: `maxfraglen`, `NLM_F_MULTI`, `socket()`, `fragment`. */
  readonly key: string;
  /** The term's name in prose, for terms that are words rather than identifiers (`fragment` → 分片). */
  readonly name?: Msg;
  /** Two or three sentences a first-year student understands. */
  readonly plain: Msg;
  /** The kernel detail: where it lives, how it is computed. */
  readonly detail: Msg;
  /** Where it lives in the kernel tree (linked on elixir.bootlin.com at the modelled version). */
  readonly file: string;
  /** An identifier to link to its definition, when there is a better one than the file. */
  readonly ident?: string;
  /** Keys of entries worth reading next. */
  readonly related: readonly string[];
  /**
   * What `findTerms` looks for in a text: identifiers (case-sensitive, whole words, a trailing `*`
   * for a prefix), lower-case English words (any case) and Chinese terms.
   */
  readonly match: readonly string[];
}
