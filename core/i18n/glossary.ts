/**
 * The glossary (glossary.json) and the rule every translation follows: when an English message's
 * prose contains a term, its Chinese prose contains the term's Chinese. Longer terms win
 * ("raw socket" before "socket", "fragment offset" before "fragment"), so one phrase is checked once.
 */
import glossary from './glossary.json' with { type: 'json' };

export interface GlossaryTerm {
  term: string;
  /** Other English forms that count as the term (plurals, verb forms). */
  forms: string[];
  zh: string;
  /** Other Chinese spellings that are as good (e.g. 入队 for queue as a verb). */
  variants: string[];
  note: string;
}

export interface GlossaryException {
  id: string;
  term: string;
  reason: string;
}

export const GLOSSARY: { terms: GlossaryTerm[]; exceptions: GlossaryException[] } = glossary;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The terms whose English appears in `prose`, longest match first, each span used once. */
export function termsIn(prose: string, terms: readonly GlossaryTerm[] = GLOSSARY.terms): GlossaryTerm[] {
  const forms = terms
    .flatMap((t) => [t.term, ...t.forms].map((f) => ({ t, f })))
    .sort((a, b) => b.f.length - a.f.length);
  let text = prose;
  const found = new Set<GlossaryTerm>();
  for (const { t, f } of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(f).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'giu');
    if (!re.test(text)) continue;
    found.add(t);
    text = text.replace(re, (m) => ' '.repeat(m.length));
  }
  return [...found];
}

/** Whether Chinese `prose` uses the term's Chinese (or a variant). */
export function usesTerm(prose: string, t: GlossaryTerm): boolean {
  return [t.zh, ...t.variants].some((z) => prose.includes(z));
}
