/**
 * What the catalog checks read from an ICU message: its arguments, its tags, the text of its
 * `<code>` spans, the select keys, and its prose (the literal text outside `<code>`), from
 * @formatjs/icu-messageformat-parser's AST.
 */
import {
  parse,
  isArgumentElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';

export interface MessageFacts {
  /** Argument name → how it is used (`simple`, `number`, `plural`, `select`…). */
  args: Map<string, string>;
  /** Tag names used, in order. */
  tags: string[];
  /** Each `<code>` span serialised (`sk_alloc({pf}, {prot})`), in order. */
  code: string[];
  /** Select argument → its option keys, sorted. */
  selects: Map<string, string[]>;
  /** Literal text outside `<code>`, one string per run (arguments and branches split runs). */
  prose: string[];
}

function serialise(els: readonly MessageFormatElement[]): string {
  return els
    .map((e) => {
      if (isLiteralElement(e)) return e.value;
      if (isArgumentElement(e)) return `{${e.value}}`;
      if (isPoundElement(e)) return '#';
      if (isTagElement(e)) return `<${e.value}>${serialise(e.children)}</${e.value}>`;
      if ('value' in e && typeof e.value === 'string') return `{${e.value}, …}`;
      return '';
    })
    .join('');
}

/** Parse and describe `message`; throws the parser's error when it is not valid ICU. */
export function messageFacts(message: string): MessageFacts {
  const facts: MessageFacts = { args: new Map(), tags: [], code: [], selects: new Map(), prose: [] };
  let run = '';
  const cut = () => {
    if (run.trim()) facts.prose.push(run);
    run = '';
  };
  const walk = (els: readonly MessageFormatElement[], inCode: boolean) => {
    for (const e of els) {
      if (isLiteralElement(e)) {
        if (!inCode) run += e.value;
        continue;
      }
      if (isTagElement(e)) {
        facts.tags.push(e.value);
        if (e.value === 'code') {
          facts.code.push(serialise(e.children));
          cut();
          walk(e.children, true);
          cut();
        } else walk(e.children, inCode);
        continue;
      }
      if (isPoundElement(e)) {
        if (!inCode) run += '#';
        continue;
      }
      cut();
      if (isArgumentElement(e)) facts.args.set(e.value, 'simple');
      else if (isNumberElement(e)) facts.args.set(e.value, 'number');
      else if (isPluralElement(e)) {
        facts.args.set(e.value, 'plural');
        for (const o of Object.values(e.options)) {
          walk(o.value, inCode);
          cut();
        }
      } else if (isSelectElement(e)) {
        facts.args.set(e.value, 'select');
        facts.selects.set(e.value, Object.keys(e.options).sort());
        for (const o of Object.values(e.options)) {
          walk(o.value, inCode);
          cut();
        }
      } else if ('value' in e && typeof e.value === 'string') facts.args.set(e.value, String(e.type));
    }
  };
  walk(parse(message), false);
  cut();
  return facts;
}

/** Values that exercise every branch of a message: one set per select key / plural form. */
export function sampleValues(facts: MessageFacts): Record<string, string | number>[] {
  const base: Record<string, string | number> = {};
  for (const [name, kind] of facts.args) base[name] = kind === 'plural' || kind === 'number' ? 2 : 'X';
  const out = [base];
  for (const [name, kind] of facts.args) {
    if (kind === 'plural') out.push({ ...base, [name]: 1 }, { ...base, [name]: 0 });
    if (kind === 'select') for (const k of facts.selects.get(name) ?? []) out.push({ ...base, [name]: k });
  }
  return out;
}
