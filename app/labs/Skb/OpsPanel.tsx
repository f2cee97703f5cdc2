import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SKB_PRESETS, formatSkbOps, skbAllocation, skbOpFunction } from '../../../core/skb/index.ts';
import type { RegionKind, SkbOpName } from '../../../core/skb/index.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { KIND_LABEL, KindSwatch } from '../../components/kinds.tsx';
import { num } from '../../format.ts';
import { PresetChips } from '../../lab-kit/index.ts';
import { MAX_BYTES, REGION_KINDS } from './params.ts';
import { selectSkb, selectSkbActions, selectUndoRedo, useSkb } from './store.ts';

const OPS: { op: Exclude<SkbOpName, 'alloc'>; does: string }[] = [
  { op: 'reserve', does: 'data and tail forward (empty buffer): headroom for headers' },
  { op: 'put', does: 'tail forward: add bytes at the end' },
  { op: 'push', does: 'data back: a header in front' },
  { op: 'pull', does: 'data forward: strip a header' },
  { op: 'trim', does: 'tail back: cut the data to N bytes' },
];

const PRESET_KEYS = ['udpSend', 'receive', 'underflow'] as const;

function parseBytes(text: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return 'Enter a whole number of bytes.';
  if (Number(t) > MAX_BYTES) return `At most ${num(MAX_BYTES)} bytes.`;
  return Number(t);
}

/** The lab's controls: operations with a byte count, presets, undo/redo, the sequence as text, a new buffer. */
export function OpsPanel() {
  const { alloc, ops, replay } = useSkb(
    useShallow((s) => ({ alloc: selectSkb(s).alloc, ops: selectSkb(s).ops, replay: selectSkb(s).replay })),
  );
  const actions = useSkb(useShallow(selectSkbActions));
  const { canUndo, canRedo } = useSkb(useShallow(selectUndoRedo));
  const [bytes, setBytes] = useState('8');
  const [kind, setKind] = useState<RegionKind>('udp');
  const [seqDraft, setSeqDraft] = useState<string | null>(null);
  const [seqError, setSeqError] = useState<string | null>(null);

  const n = parseBytes(bytes);
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
    setSeqError(why);
    if (!why) setSeqDraft(null);
  };

  return (
    <div className="inputs skb-inputs">
      <fieldset className="panel" disabled={replaying}>
        <legend className="panel-title">Operations</legend>
        {replaying && (
          <p className="field-hint replay-hint">
            The fragmented send replays the kernel’s own trace. Leave the replay to work on your buffer.
          </p>
        )}
        <div className="op-fields">
          <TextField
            label="Bytes"
            error={typeof n === 'string' ? n : undefined}
            className="mono"
            inputMode="numeric"
            autoComplete="off"
            value={bytes}
            onChange={(text) => setBytes(text)}
          />
          <Field label="Bytes are" hint="for skb_put and skb_push">
            {(a) => (
              <select {...a} value={kind} onChange={(e) => setKind(e.target.value as RegionKind)}>
                {REGION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="op-buttons" role="group" aria-label="Apply an operation">
          {OPS.map(({ op, does }) => {
            const withKind = op === 'put' || op === 'push';
            return (
              <button
                key={op}
                type="button"
                className="op-btn"
                disabled={typeof n === 'string'}
                title={`${skbOpFunction(op).fn}: ${does}`}
                onClick={() =>
                  typeof n === 'number' && actions.apply({ op, n, ...(withKind ? { kind } : {}) })
                }
              >
                <span className="op-fn mono">
                  {skbOpFunction(op).fn}({typeof n === 'number' ? num(n) : '…'})
                </span>
                <span className="op-does">
                  {withKind && <KindSwatch kind={kind} />}
                  {does}
                </span>
              </button>
            );
          })}
        </div>
        <div className="undo-redo" role="group" aria-label="History">
          <button type="button" className="btn-quiet" onClick={actions.undo} disabled={!canUndo}>
            ↶ Undo
          </button>
          <button type="button" className="btn-quiet" onClick={actions.redo} disabled={!canRedo}>
            ↷ Redo
          </button>
          <span className="field-hint">Ctrl+Z, Ctrl+Shift+Z</span>
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend className="panel-title">Presets: real paths</legend>
        <PresetChips
          presets={[
            ...PRESET_KEYS.map((k) => ({
              key: k,
              name: SKB_PRESETS[k]?.label ?? k,
              what: SKB_PRESETS[k]?.why,
              on: presetOn(k),
              pick: () => actions.loadPreset(k),
            })),
            {
              key: 'fragmented',
              name: 'Fragmented send',
              what: 'The Fragmentation lab’s 4,000-byte UDP send over MTU 1,500, every sk_buff at every step',
              on: replaying,
              pick: () => actions.loadPreset('fragmented'),
            },
          ]}
        />
        <p className="field-hint preset-why">
          {replaying
            ? 'The queue __ip_append_data builds, the frag_list after __ip_make_skb, each fragment after ip_do_fragment, and the way back up the receiver.'
            : (PRESET_KEYS.map((k) => SKB_PRESETS[k]).find((_, i) => presetOn(PRESET_KEYS[i]!))?.why ??
              'Each preset starts at its first step: step through it with Next step.')}
        </p>
      </fieldset>

      <fieldset className="panel" disabled={replaying}>
        <legend className="panel-title">Buffer</legend>
        <AllocForm key={alloc} alloc={alloc} restart={actions.restart} />
        <TextField
          label="Sequence"
          error={seqError ?? undefined}
          hint={
            <>
              As in the URL: <span className="mono">op:BYTES[:kind]</span>, comma-separated. Enter applies.
            </>
          }
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
    </div>
  );
}

/** alloc_skb(size): a fresh buffer; the hint shows where the core puts end and what it costs. */
function AllocForm({ alloc, restart }: { alloc: number; restart: (size: number) => void }) {
  const [allocText, setAllocText] = useState(String(alloc));
  const size = parseBytes(allocText);
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
        label={
          <>
            <span className="mono">alloc_skb</span> size (bytes)
          </>
        }
        error={typeof size === 'string' ? size : undefined}
        hint={
          allocFacts &&
          `${allocFacts.cache === 'skb_small_head_cache' ? 'skb_small_head_cache' : allocFacts.cache === 'kmalloc' ? 'kmalloc' : 'pages'} object of ${num(allocFacts.objectSize)} B: end = ${num(allocFacts.end)}, then skb_shared_info; truesize ${num(allocFacts.truesize)}`
        }
        className="mono"
        inputMode="numeric"
        autoComplete="off"
        value={allocText}
        onChange={(text) => setAllocText(text)}
      />
      <button type="submit" className="btn-quiet" disabled={typeof size === 'string'}>
        New buffer
      </button>
    </form>
  );
}
