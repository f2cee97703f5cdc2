import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import { formatMsg, msg, normalizeInput } from '../../../core/i18n/index.ts';
import { SKB_PRESETS, formatSkbOps, skbAllocation, skbOpFunction } from '../../../core/skb/index.ts';
import type { RegionKind, SkbOpName } from '../../../core/skb/index.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { KindSwatch, kindLabels } from '../../components/kinds.tsx';
import { num } from '../../format.ts';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { MsgText } from '../../i18n/MsgText.tsx';
import { useLocale } from '../../i18n/locale.ts';
import { Control, Part, PresetChips, UndoRedo } from '../../lab-kit/index.ts';
import { MAX_BYTES, REGION_KINDS } from './params.ts';
import { selectSkb, selectSkbActions, selectUndoRedo, useSkb } from './store.ts';
import { SKB_WORDS as W } from './words.ts';

/** Text that is never translated (kernel names, offsets, key names), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

const OPS: { op: Exclude<SkbOpName, 'alloc'>; does: MessageDescriptor }[] = [
  { op: 'reserve', does: W.doesReserve },
  { op: 'put', does: W.doesPut },
  { op: 'push', does: W.doesPush },
  { op: 'pull', does: W.doesPull },
  { op: 'trim', does: W.doesTrim },
];

const PRESET_KEYS = ['udpSend', 'receive', 'underflow'] as const;

/** A byte count as typed (full-width digits from a Chinese IME too), or why it is not one. */
function parseBytes(text: string, intl: IntlShape): number | string {
  const t = normalizeInput(text).trim();
  if (!/^\d+$/.test(t)) return intl.formatMessage(W.notWhole);
  if (Number(t) > MAX_BYTES) return fmt(intl, W.tooBig, { max: num(MAX_BYTES) });
  return Number(t);
}

/** The lab's controls: operations with a byte count, presets, undo/redo, the sequence as text, a new buffer. */
export function OpsPanel() {
  const intl = useIntl();
  const locale = useLocale();
  const { alloc, ops, replay, halted } = useSkb(
    useShallow((s) => ({
      alloc: selectSkb(s).alloc,
      ops: selectSkb(s).ops,
      replay: selectSkb(s).replay,
      halted: selectSkb(s).run.halted,
    })),
  );
  const actions = useSkb(useShallow(selectSkbActions));
  const { canUndo, canRedo } = useSkb(useShallow(selectUndoRedo));
  const [bytes, setBytes] = useState('8');
  const [kind, setKind] = useState<RegionKind>('udp');
  const [seqDraft, setSeqDraft] = useState<string | null>(null);
  const [seqError, setSeqError] = useState<string | null>(null);

  const n = parseBytes(bytes, intl);
  const sequence = formatSkbOps(ops);
  const replaying = replay !== null;
  const current = `${alloc}|${sequence}`;
  const presetOn = (key: string) => {
    const p = SKB_PRESETS[key];
    if (!p || replaying) return false;
    const [first, ...rest] = p.ops;
    return first?.op === 'alloc' && `${first.n}|${formatSkbOps(rest)}` === current;
  };

  const submitSequence = () => {
    if (seqDraft === null) return;
    const why = actions.setSequence(seqDraft);
    setSeqError(why && formatMsg(why, locale));
    if (!why) setSeqDraft(null);
  };

  return (
    <div className="inputs skb-inputs">
      <Control name="ops">
        <fieldset className="panel" disabled={replaying}>
          <legend className="panel-title">{intl.formatMessage(W.operations)}</legend>
          {replaying && <p className="field-hint replay-hint">{intl.formatMessage(W.replayHint)}</p>}
          <div className="op-fields">
            <TextField
              label={intl.formatMessage(W.bytes)}
              error={typeof n === 'string' ? n : undefined}
              className="mono"
              inputMode="numeric"
              autoComplete="off"
              value={bytes}
              onChange={(text) => setBytes(text)}
            />
            <Field
              label={intl.formatMessage(W.bytesAre)}
              hint={fmtNode(intl, W.bytesAreHint, { code: codeChunks })}
            >
              {(a) => (
                <select {...a} value={kind} onChange={(e) => setKind(e.target.value as RegionKind)}>
                  {REGION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {kindLabels(locale)[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {halted && (
            <p className="field-hint halted-hint" role="status">
              {fmt(intl, W.haltedShort, { step: halted.step + 1 })}
            </p>
          )}
          <div className="op-buttons" role="group" aria-label={intl.formatMessage(W.applyGroup)}>
            {OPS.map(({ op, does }) => {
              const withKind = op === 'put' || op === 'push';
              const { fn } = skbOpFunction(op);
              return (
                <button
                  key={op}
                  type="button"
                  className="op-btn"
                  disabled={typeof n === 'string' || halted !== undefined}
                  onClick={() =>
                    typeof n === 'number' && actions.apply({ op, n, ...(withKind ? { kind } : {}) })
                  }
                >
                  <span className="op-fn mono">
                    {verbatim(fn, '(', typeof n === 'number' ? String(n) : '…', ')')}
                  </span>
                  <span className="op-does">
                    {withKind && <KindSwatch kind={kind} />}
                    <span>{fmtNode(intl, does, { code: codeChunks })}</span>
                  </span>
                </button>
              );
            })}
          </div>
          <UndoRedo
            className="undo-redo"
            label={intl.formatMessage(W.history)}
            undo={{ run: canUndo ? actions.undo : null, word: intl.formatMessage(W.undo) }}
            redo={{ run: canRedo ? actions.redo : null, word: intl.formatMessage(W.redo) }}
          >
            {halted && (
              <button type="button" className="btn-quiet" onClick={actions.recover}>
                {intl.formatMessage(W.undoPanic)}
              </button>
            )}
            <span className="field-hint">{verbatim('Ctrl+Z, Ctrl+Shift+Z')}</span>
          </UndoRedo>
        </fieldset>
      </Control>

      <Part kind="presets">
        <fieldset className="panel">
          <legend className="panel-title">{intl.formatMessage(W.presetsTitle)}</legend>
          <PresetChips
            presets={[
              ...PRESET_KEYS.map((k) => {
                const p = SKB_PRESETS[k];
                return {
                  key: k,
                  name: p ? formatMsg(p.label, locale) : k,
                  what: p && formatMsg(p.why, locale),
                  on: presetOn(k),
                  pick: () => actions.loadPreset(k),
                };
              }),
              {
                key: 'fragmented',
                name: intl.formatMessage(W.replayFragmented),
                what: formatMsg(msg(W.fragmentedWhat), locale),
                on: replaying,
                pick: () => actions.loadPreset('fragmented'),
              },
            ]}
          />
          <p className="field-hint preset-why">
            {replaying ? (
              fmtNode(intl, W.fragmentedWhy, { code: codeChunks })
            ) : (
              <MsgText
                msg={
                  PRESET_KEYS.map((k) => SKB_PRESETS[k]).find((_, i) => presetOn(PRESET_KEYS[i]!))?.why ??
                  null
                }
              />
            )}
            {/* Always said (the first visit shows the UDP send preset at its last step, and says so). */}
            {!replaying && <span className="skb-preset-start">{intl.formatMessage(W.presetStart)}</span>}
          </p>
        </fieldset>
      </Part>

      <Control name="alloc">
        <fieldset className="panel" disabled={replaying}>
          <legend className="panel-title">{intl.formatMessage(W.bufferLegend)}</legend>
          <AllocForm key={alloc} alloc={alloc} restart={actions.restart} />
          <TextField
            label={intl.formatMessage(W.sequence)}
            error={seqError ?? undefined}
            hint={fmtNode(intl, W.sequenceHint, { code: codeChunks })}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={seqDraft ?? `alloc:${alloc}${sequence ? `,${sequence}` : ''}`}

            onKeyDown={(e) => {
              if (e.key === 'Enter') submitSequence();
              if (e.key === 'Escape') {
                setSeqDraft(null);
                setSeqError(null);
              }
            }}
            onBlur={submitSequence}
            onChange={(text) => {
              setSeqDraft(text);
              setSeqError(null);
            }}
          />
        </fieldset>
      </Control>
    </div>
  );
}

/** alloc_skb(size): a fresh buffer; the hint shows where the core puts end and what it costs. */
function AllocForm({ alloc, restart }: { alloc: number; restart: (size: number) => void }) {
  const intl = useIntl();
  const [allocText, setAllocText] = useState(String(alloc));
  const size = parseBytes(allocText, intl);
  const allocFacts = typeof size === 'number' ? skbAllocation(size) : null;
  return (
    <form
      className="alloc-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (typeof size === 'number') restart(size);
      }}
    >
      <TextField
        label={fmtNode(intl, W.allocSize, { code: codeChunks })}
        error={typeof size === 'string' ? size : undefined}
        hint={
          allocFacts &&
          fmtNode(intl, W.allocHint, {
            cache:
              allocFacts.cache === 'skb_small_head_cache'
                ? 'small'
                : allocFacts.cache === 'kmalloc'
                  ? 'kmalloc'
                  : 'pages',
            size: num(allocFacts.objectSize),
            end: num(allocFacts.end),
            truesize: num(allocFacts.truesize),
            code: codeChunks,
          })
        }
        className="mono"
        inputMode="numeric"
        autoComplete="off"
        value={allocText}
        onChange={(text) => setAllocText(text)}
      />
      <button type="submit" className="btn-quiet" disabled={typeof size === 'string'}>
        {intl.formatMessage(W.newBufferButton)}
      </button>
    </form>
  );
}
