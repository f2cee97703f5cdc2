/**
 * The builder: one message at a time (the one selected in the lab, or a raw chunk), its header
 * fields (nlmsg_len computed), the type by name for the family, the flags as the kernel groups
 * them, seq and pid, the family header and the attributes (nestable). Every edit goes through
 * the store to encodeNetlink; a bad value is reported under its field and the last good buffer
 * stays on show.
 */
import { OWN_ISSUE_TEXT } from './builder-words.ts';
import { memo, useCallback, useId, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import {
  attrNames,
  encodeIssueMsg,
  flagGroups,
  flagNamesFor,
  typeNames,
} from '../../../core/netlink/index.ts';
import type { NlFamily } from '../../../core/netlink/index.ts';
import { IconButton } from '../../components/IconButton.tsx';
import { Field, NumberField } from '../../components/Field.tsx';
import type { FieldProps } from '../../components/Field.tsx';
import { num } from '../../format.ts';
import { ATTR_KINDS, familyHeaderFor, mapAttrs, messageTypeValue, newAttr, newMessage } from './builder.ts';
import type {
  AttrKind,
  BuilderAttr,
  BuilderIssue,
  BuilderItem,
  BuilderMessage,
  BuilderRaw,
} from './builder.ts';
import { FLAG_GROUP, FLAG_MEANING, ISSUE_TEXT, RAW_WHY, W, useNlWords } from './words.ts';
import type { NlWords } from './words.ts';

/** The kind a value of this policy kind is typed as in the builder. */
export function builderKind(policy: string): AttrKind {
  if (/^(u8|u16|u32|u64|s32|flag)$/.test(policy)) return policy as AttrKind;
  if (/^nested/.test(policy)) return 'nested';
  if (/^str/.test(policy)) return 'strz';
  return 'bytes';
}

const CHIPS = 24;
const flagHex = (n: number) => `0x${n.toString(16).padStart(3, '0')}`;

/** Why a raw item's bytes are kept, in the reader's language (the English from core when the id is unknown). */
const rawWhy = (w: NlWords, it: BuilderRaw): ReactNode => {
  const d = RAW_WHY[it.whyId];
  return d ? w.t(d, it.whyValues) : it.why;
};

/** A flag group's name (core/netlink/names.ts) in the reader's language. */
const groupName = (w: NlWords, group: string): string => {
  const d = FLAG_GROUP[group];
  return d ? w.s(d) : group;
};

interface Props {
  items: readonly BuilderItem[];
  /** The item on show. */
  current: number;
  onCurrent: (id: number) => void;
  family: NlFamily;
  issues: readonly BuilderIssue[];
  /** nlmsg_len of each message item, as encoded (by item id). */
  lengths: ReadonlyMap<number, number>;
  onChange: (items: BuilderItem[]) => void;
}

export function Builder({ items, current, onCurrent, family, issues, lengths, onChange }: Props) {
  const w = useNlWords();
  const { t, s, said } = w;
  const item = items.find((i) => i.id === current) ?? items[0];
  const at = item ? items.indexOf(item) : -1;
  // A 4,096-message buffer lists CHIPS items around the one on show, not 4,096 buttons.
  const first = Math.max(0, Math.min(items.length - CHIPS, at - CHIPS / 2));
  // Stable while the issues are (the memoised attribute rows take it).
  const err = useCallback(
    (path: string) => {
      const i = issues.find((x) => x.path === path);
      if (!i) return undefined;
      if (i.id === 'row.encode' && i.cause)
        return said(encodeIssueMsg({ errno: String(i.values.errno), ...i.cause }));
      const d = ISSUE_TEXT[i.id] ?? OWN_ISSUE_TEXT[i.id];
      // Values as they print in core's English (no digit grouping).
      return d
        ? s(d, Object.fromEntries(Object.entries(i.values).map(([k, v]) => [k, String(v)])))
        : i.message;
    },
    [issues, s, said],
  );
  const replace = (next: BuilderItem) => onChange(items.map((i) => (i.id === next.id ? next : i)));
  const add = () => {
    const m = newMessage(family);
    const copy = item?.kind === 'message' ? { ...m, seq: String((Number(item.seq) || 0) + 1) } : m;
    const next = [...items];
    next.splice(at + 1, 0, copy);
    onChange(next);
    onCurrent(copy.id);
  };
  const remove = () => {
    if (!item) return;
    const next = items.filter((i) => i.id !== item.id);
    onChange(next);
    const n = next[Math.min(at, next.length - 1)];
    if (n) onCurrent(n.id);
  };

  return (
    <div className="nl-builder">
      <nav aria-label={s(W.bItems)} className="nl-items">
        {items.length > CHIPS && (
          <p className="field-hint">{t(W.bWindow, { n: num(items.length), at: String(at + 1) })}</p>
        )}
        <ul className="chip-list">
          {items.slice(first, first + CHIPS).map((it, j) => {
            const k = first + j;
            return (
              <li key={it.id}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={it.id === item?.id}
                  onClick={() => onCurrent(it.id)}
                >
                  {k + 1}.{' '}
                  {it.kind === 'raw'
                    ? s(W.bRawChip, { n: num(it.hex.replace(/\s/g, '').length / 2) })
                    : it.type}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="nl-items-actions">
          <button type="button" className="btn-quiet" onClick={add}>
            {s(W.bAddMessage)}
          </button>
          <button type="button" className="btn-quiet" onClick={remove} disabled={!item}>
            {item ? s(W.bRemoveItem, { n: String(at + 1) }) : s(W.bRemove)}
          </button>
        </div>
      </nav>
      {!item ? (
        <p className="nl-note">{t(W.bEmpty)}</p>
      ) : item.kind === 'raw' ? (
        <div className="nl-raw">
          <p className="nl-note">{t(W.bRawNote, { why: rawWhy(w, item) })}</p>
          <pre className="mono nl-raw-hex">
            {item.hex.length > 600 ? `${item.hex.slice(0, 600)} …` : item.hex}
          </pre>
        </div>
      ) : (
        <MessageEditor
          key={item.id}
          m={item}
          n={at + 1}
          family={family}
          len={lengths.get(item.id)}
          err={err}
          onChange={replace}
        />
      )}
    </div>
  );
}

/** A kernel name (or its number) typed in, the names of the datalist `listId` offered. */
function NameInput({
  a11y,
  listId,
  value,
  onText,
}: {
  a11y: Parameters<FieldProps['children']>[0];
  listId: string;
  value: string;
  onText: (text: string) => void;
}) {
  return (
    <input
      {...a11y}
      className="mono"
      list={listId}
      value={value}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onText(e.target.value)}
    />
  );
}

function MessageEditor({
  m,
  n,
  family,
  len,
  err,
  onChange,
}: {
  m: BuilderMessage;
  n: number;
  family: NlFamily;
  len: number | undefined;
  err: (path: string) => string | undefined;
  onChange: (m: BuilderMessage) => void;
}) {
  const w = useNlWords();
  const { t, s } = w;
  const listId = useId();
  const type = messageTypeValue(m, family);
  const groups = type === null ? [] : flagGroups(type, family);
  // The group the kernel reads bits 0x100–0x800 as for this type: the one naming bit 0x100 so.
  const high = type === null ? undefined : flagNamesFor(type, 0x101, family)[1];
  const applies = groups.find((g) => g.group !== 'standard' && g.flags.some((f) => f.name === high));
  const p = `${m.id}.`;
  const set = (patch: Partial<BuilderMessage>) => onChange({ ...m, ...patch });
  // A new type brings the family header its messages carry.
  const typeTyped = (t: string) => {
    const v = messageTypeValue({ ...m, type: t }, family);
    set({ type: t, familyHeader: familyHeaderFor(v, family, m.familyHeader) });
  };
  return (
    <fieldset className="nl-msg-editor">
      <legend className="sub-title">
        {t(W.bMessage, { n: String(n), type: <span className="mono">{m.type || '?'}</span> })}
      </legend>
      <div className="nl-hdr-grid">
        <div className="field nl-len">
          <span className="field-label">nlmsg_len</span>
          <output className="mono">{len === undefined ? '—' : num(len)}</output>
          <p className="field-hint">{t(W.bLenHint)}</p>
        </div>
        <Field
          label="nlmsg_type"
          error={err(`${p}type`)}
          // The value the type reads as, once it reads (never the wrapped value of a refused −5).
          hint={type === null || err(`${p}type`) ? undefined : `= ${type} (0x${type.toString(16)})`}
        >
          {(a) => (
            <>
              <NameInput a11y={a} listId={listId} value={m.type} onText={typeTyped} />
              <datalist id={listId}>
                {typeNames(family).map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.value}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <NumberField
          label="nlmsg_seq"
          error={err(`${p}seq`)}
          value={m.seq}
          onChange={(text) => set({ seq: text })}
        />
        <NumberField
          label="nlmsg_pid"
          error={err(`${p}pid`)}
          hint={s(W.bPidHint)}
          value={m.pid}
          onChange={(text) => set({ pid: text })}
        />
      </div>

      <fieldset className="nl-flags">
        <legend className="field-label">
          nlmsg_flags <span className="mono muted">= {flagHex(m.flags)}</span>
        </legend>
        {groups.map((g) => (
          <fieldset
            key={g.group}
            className={`nl-flag-group${g.group === 'standard' || g === applies ? '' : ' is-other'}`}
          >
            <legend>
              {groupName(w, g.group)}
              {g === applies && <span className="nl-flag-applies"> {s(W.bReadFor, { type: m.type })}</span>}
            </legend>
            {g.flags.map((f) => (
              <label
                key={f.name}
                className="nl-flag"
                title={FLAG_MEANING[f.name] ? s(FLAG_MEANING[f.name]!) : f.meaning}
              >
                <input
                  type="checkbox"
                  checked={(m.flags & f.bit) === f.bit}
                  onChange={(e) => set({ flags: e.target.checked ? m.flags | f.bit : m.flags & ~f.bit })}
                />
                <span className="mono">{f.name}</span>
                <span className="nl-flag-bit">{flagHex(f.bit)}</span>
              </label>
            ))}
          </fieldset>
        ))}
        {groups.length === 0 && <p className="field-hint">{t(W.bPickType)}</p>}
        {groups.length > 0 && (
          <p className="field-hint nl-flags-note">
            {applies
              ? t(W.bFlagsApply, {
                  type: <span className="mono">{m.type}</span>,
                  group: groupName(w, applies.group),
                })
              : t(W.bFlagsNone)}
          </p>
        )}
      </fieldset>

      {m.familyHeader.length > 0 && (
        <fieldset className="nl-fh">
          <legend className="field-label">{t(W.bFamilyHeader)}</legend>
          <div className="nl-fh-grid">
            {m.familyHeader.map((f, i) => (
              <Field
                key={f.name}
                label={<span className="mono">{f.name}</span>}
                error={err(`${p}fh.${f.name}`)}
              >
                {(a) => (
                  <input
                    {...a}
                    className="mono"
                    value={f.value}
                    onChange={(e) =>
                      set({
                        familyHeader: m.familyHeader.map((x, j) =>
                          j === i ? { ...x, value: e.target.value } : x,
                        ),
                      })
                    }
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className="nl-attrs">
        <legend className="field-label">{t(W.bAttributes)}</legend>
        <AttrList
          attrs={m.attrs}
          msgType={type ?? 0}
          family={family}
          path={TOP}
          prefix={p}
          err={err}
          onChange={(attrs) => set({ attrs })}
        />
      </fieldset>
    </fieldset>
  );
}

/** The message's own attributes' place: nested in nothing (one array, so memoised rows keep it). */
const TOP: number[] = [];

/** Where a list of attributes stands: in which message and family, under which nested types. */
interface AttrPlace {
  msgType: number;
  family: NlFamily;
  /** The types of the attributes it is nested in (none: the message's own). */
  path: number[];
  /** The start of its issues' paths. */
  prefix: string;
  err: (path: string) => string | undefined;
}

function AttrList({
  attrs,
  onChange,
  ...place
}: AttrPlace & {
  attrs: readonly BuilderAttr[];
  onChange: (attrs: BuilderAttr[]) => void;
}) {
  const { msgType, family, path } = place;
  const { s } = useNlWords();
  const listId = useId();
  const names = useMemo(() => attrNames(msgType, family, path), [msgType, family, path]);
  // One edit function for every row, reading the list as it is now: a row's props stay the same
  // objects, so the memoised rows an edit elsewhere did not touch skip the render.
  const latest = useRef({ attrs, onChange });
  latest.current = { attrs, onChange };
  const edit = useCallback(
    (id: number, f: (a: BuilderAttr) => BuilderAttr | null) =>
      latest.current.onChange(mapAttrs(latest.current.attrs, id, f)),
    [],
  );
  const addOne = () => {
    const first = names[0];
    onChange([...attrs, first ? newAttr(first.name, builderKind(first.kind)) : newAttr()]);
  };
  return (
    <>
      <datalist id={listId}>
        {names.map((a) => (
          <option key={a.name} value={a.name}>
            {a.value} · {a.kind}
          </option>
        ))}
      </datalist>
      {attrs.length > 0 && (
        <ol className="nl-attr-list">
          {attrs.map((a) => (
            <AttrRow key={a.id} a={a} listId={listId} names={names} {...place} onEdit={edit} />
          ))}
        </ol>
      )}
      <button type="button" className="btn-quiet nl-add-attr" onClick={addOne}>
        {s(path.length ? W.bAddAttrNested : W.bAddAttr)}
      </button>
    </>
  );
}

/** The type number an attribute row names (by name or number; 0 when it names neither). */
function typeNumOf(a: BuilderAttr, names: readonly { name: string; value: number }[]): number {
  const known = names.find((n) => n.name === a.type || String(n.value) === a.type.trim());
  return known?.value ?? (Number.isFinite(Number(a.type)) ? Number(a.type) : 0);
}

const AttrRow = memo(function AttrRow({
  a,
  listId,
  names,
  msgType,
  family,
  path,
  prefix,
  err,
  onEdit,
}: AttrPlace & {
  a: BuilderAttr;
  listId: string;
  names: { name: string; value: number; kind: string }[];
  /** Replace attribute `id` (by its current row) with what `f` makes of it, or drop it (null). */
  onEdit: (id: number, f: (a: BuilderAttr) => BuilderAttr | null) => void;
}) {
  const onChange = (f: (b: BuilderAttr) => BuilderAttr | null) => onEdit(a.id, f);
  const nested = useMemo(() => [...path, typeNumOf(a, names)], [path, a, names]);
  const { s } = useNlWords();
  const hasValue = a.kind !== 'flag' && a.kind !== 'nested';
  // A known name brings its kind (and clears a value of another kind).
  const typeTyped = (t: string) => {
    const hit = names.find((n) => n.name === t);
    onChange((b) => ({
      ...b,
      type: t,
      ...(hit ? { kind: builderKind(hit.kind), value: builderKind(hit.kind) === b.kind ? b.value : '' } : {}),
    }));
  };
  return (
    <li className="nl-attr">
      <div className="nl-attr-row">
        <Field className="nl-attr-type" label="nla_type" error={err(`${prefix}a${a.id}.type`)}>
          {(x) => <NameInput a11y={x} listId={listId} value={a.type} onText={typeTyped} />}
        </Field>
        <Field className="nl-attr-kind" label={s(W.bKind)}>
          {(x) => (
            <select
              {...x}
              value={a.kind}
              onChange={(e) => {
                const kind = e.target.value as AttrKind;
                onChange((b) => ({ ...b, kind, value: kind === 'bytes' || /^str/.test(kind) ? '' : '0' }));
              }}
            >
              {ATTR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        {hasValue && (
          <Field
            className="nl-attr-value"
            label={s(W.bValue)}
            error={err(`${prefix}a${a.id}.value`)}
            hint={a.kind === 'bytes' ? s(W.bHex) : undefined}
          >
            {(x) => (
              <input
                {...x}
                className="mono"
                value={a.value}
                spellCheck={false}
                onChange={(e) => {
                  const v = e.target.value;
                  onChange((b) => ({ ...b, value: v }));
                }}
              />
            )}
          </Field>
        )}
        <IconButton
          className="nl-attr-remove"
          label={s(W.bRemoveAttr, { type: a.type })}
          title={s(W.bRemove)}
          onClick={() => onChange(() => null)}
        >
          ×
        </IconButton>
      </div>
      {a.kind === 'nested' && (
        <div className="nl-nested">
          <label className="nl-flag">
            <input
              type="checkbox"
              checked={a.nlaNested}
              onChange={(e) => {
                const on = e.target.checked;
                onChange((b) => ({ ...b, nlaNested: on }));
              }}
            />
            <span className="mono">NLA_F_NESTED</span>
          </label>
          <AttrList
            attrs={a.children}
            msgType={msgType}
            family={family}
            path={nested}
            prefix={prefix}
            err={err}
            onChange={(children) => onChange((b) => ({ ...b, children }))}
          />
        </div>
      )}
    </li>
  );
});
