/**
 * Words as data. The core never returns a rendered sentence: it returns a `Msg`, a stable
 * catalog id and the values the sentence embeds; the CLI and the app render it in the reader's
 * language from the catalogs (core/i18n/locales). Kernel identifiers travel as values or as
 * literal text inside `<code>…</code>` tags, and are never translated.
 */

/** A value a message embeds: text, a number, or another message (rendered in the same language). */
export type MsgValue = string | number | Msg;

/** A sentence as data: its catalog id and its values. */
export interface Msg {
  readonly id: string;
  readonly values?: Readonly<Record<string, MsgValue>>;
}

/**
 * Transitional: text a module still writes as an English string, or a Msg. Every renderer takes
 * both (renderText); the union narrows to Msg once every module is converted.
 */
export type Text = string | Msg;

/** What `defineMessages` declares for each message (the extractor reads these literals). */
export interface MessageDescriptor {
  readonly id: string;
  readonly defaultMessage?: string;
  readonly description?: string | object;
}

/**
 * The Msg for a declared message, with its values, kept as given: every caller writes a fresh
 * literal, which it does not touch again, so a trace step costs one object for its message, not
 * two, and no pass over its keys (a send makes a few dozen of these: that pass was a twentieth of
 * a small send's time). Values that may be absent go through msgOptional.
 */
export function msg(descriptor: { readonly id: string }, values?: Readonly<Record<string, MsgValue>>): Msg {
  return values ? { id: descriptor.id, values } : { id: descriptor.id };
}

/**
 * msg for values some of which may be undefined: those are left out. The values object is kept
 * as given when none of its own values is undefined; otherwise the defined ones are copied.
 */
export function msgOptional(
  descriptor: { readonly id: string },
  values?: Record<string, MsgValue | undefined>,
): Msg {
  if (!values) return { id: descriptor.id };
  // One Object.hasOwn for the first defined key and one per undefined key, not one per key.
  let any = false;
  for (const k in values) {
    if (values[k] === undefined) {
      if (Object.hasOwn(values, k)) return definedOnly(descriptor.id, values);
    } else if (!any) any = Object.hasOwn(values, k);
  }
  return any ? { id: descriptor.id, values: values as Record<string, MsgValue> } : { id: descriptor.id };
}

function definedOnly(id: string, values: Record<string, MsgValue | undefined>): Msg {
  let kept: Record<string, MsgValue> | undefined;
  for (const k of Object.keys(values)) {
    const v = values[k];
    if (v !== undefined) (kept ??= {})[k] = v;
  }
  return kept ? { id, values: kept } : { id };
}

/** Whether `x` has the shape of a Msg: a string id, optional plain-object values, nothing else. */
export function isMsg(x: unknown): x is Msg {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  if (typeof o.id !== 'string') return false;
  for (const k of Object.keys(o)) if (k !== 'id' && k !== 'values') return false;
  const v = o.values;
  return v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));
}
