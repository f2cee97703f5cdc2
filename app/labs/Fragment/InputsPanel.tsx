import { useShallow } from 'zustand/react/shallow';
import { PMTU_MODES } from '../../../core/ip/types.ts';
import type { PmtuMode } from '../../../core/ip/index.ts';
import { Field, FieldError, LiveForm, TextField } from '../../components/Field.tsx';
import { PresetPanel, fieldsPresetChips, issueTextOf } from '../../lab-kit/index.ts';
import { serialiseFragmentQuery } from './params.ts';
import type { FieldName, PayloadMode } from './params.ts';
import { PRESETS } from './presets.ts';
import { selectActions, selectFields, useFragment } from './store.ts';
import type { FragmentState } from './store.ts';
import { Segmented, SegmentedField, notedOptions } from '../../components/Segmented.tsx';
import type { MessageDescriptor } from 'react-intl';
import type { ReactNode } from 'react';
import { Control, Part, useControl, useEmbedView } from '../../lab-kit/index.ts';
import { SYM, W, useWords } from './words.tsx';
import { Term } from '../../lab-kit/Term.tsx';

/** What each IP_MTU_DISCOVER mode means for this send (include/net/ip.h predicates), in a sentence. */
const PMTU_HELP: Record<PmtuMode, MessageDescriptor> = {
  dont: W.pmtuDont,
  want: W.pmtuWant,
  do: W.pmtuDo,
  probe: W.pmtuProbe,
  interface: W.pmtuInterface,
  omit: W.pmtuOmit,
};

const MODES: { mode: PayloadMode; label: MessageDescriptor; hint: MessageDescriptor }[] = [
  { mode: 'len', label: W.modeLen, hint: W.hintLen },
  { mode: 'sends', label: W.modeSends, hint: W.hintSends },
  { mode: 'iov', label: W.modeIov, hint: W.hintIov },
];

const MTU_CHOICES = [68, 576, 1006, 1280, 1492, 1500, 4352, 9000, 65536];

/**
 * One field of the form as an input needs it: its text and its problem, if any (issue 17: each
 * input reads only its own field, and what else it depends on through its own selector, e.g. the
 * family for the MTU's hint; a keystroke in the MTU re-renders the MTU's field, not the form).
 */
function useField(f: FieldName) {
  return useFragment(
    useShallow((s: FragmentState) => ({
      value: s.fields[f],
      error: issueTextOf(s.issues, f),
    })),
  );
}
const selectV6 = (s: FragmentState) => s.fields.family === 'inet6';
const selectMode = (s: FragmentState) => s.fields.mode;
const selectSock = (s: FragmentState) => s.fields.sock;
const selectNoSndbufCheck = (s: FragmentState) => s.fields.sndbufcheck === '0';

/** The form's setters (stable functions of the store). */
const useSetters = () => useFragment(useShallow(selectActions));

/** Hints are for the full page; an embed keeps its inputs to a line. */
function useHint() {
  const full = useEmbedView().view === 'full';
  return (node: ReactNode) => (full ? node : undefined);
}

/**
 * The form. Each input is its own component reading only its field from the store (issue 17):
 * the panel itself reads no field, so an edit re-renders the input edited, the inputs that depend
 * on it and the presets (which chip is on), not every label, hint and term of the form.
 */
export function InputsPanel() {
  const { t, r } = useWords();
  const full = useEmbedView().view === 'full';
  // Embed views (issue 16): a fieldset shows when one of its inputs does; the payload's field is
  // the one of the current mode, named by any of len, sends or iov.
  const shows = {
    payload: [useControl('len'), useControl('sends'), useControl('iov')].some(Boolean),
    route: ['family', 'mtu', 'sock', 'proto', 'df', 'pmtu', 'opts'].map(useControl).some(Boolean),
    device: ['sg', 'sndbufcheck', 'sndbuf'].map(useControl).some(Boolean),
  };

  return (
    <LiveForm className={full ? 'inputs' : 'inputs inputs--embed panel'} label={t(W.form)}>
      <Part kind="presets">
        <Presets />
      </Part>

      {shows.payload && (
        <Group full={full} legend={r(W.payload)}>
          {full && <PayloadMode />}
          <PayloadField />
        </Group>
      )}

      {shows.route && (
        <Group full={full} legend={r(W.socketRoute)}>
          <Control name="family">
            <FamilyField />
          </Control>
          <Control name="mtu">
            <MtuField />
          </Control>
          <Control name="sock">
            <SockField />
          </Control>
          <SockExtra />
          <Control name="pmtu">
            <PmtuField />
          </Control>
          <Control name="opts">
            <OptsField />
          </Control>
        </Group>
      )}

      {shows.device && (
        <Group full={full} legend={r(W.device)}>
          <Control name="sg">
            <FlagField f="sg" label={W.sg} hint={W.sgHint} />
          </Control>
          <Control name="sndbufcheck">
            <FlagField f="sndbufcheck" label={W.sndbufCheck} hint={W.sndbufCheckHint} />
          </Control>
          <Control name="sndbuf">
            <SndbufField />
          </Control>
        </Group>
      )}
    </LiveForm>
  );
}

/** The presets: the one the form matches is on, so they follow every field. */
function Presets() {
  const fields = useFragment(selectFields);
  const { setFields } = useSetters();
  const { t, r } = useWords();
  return (
    <PresetPanel
      titleId="presets-title"
      title={r(W.presets)}
      presets={fieldsPresetChips(
        PRESETS.map((p) => ({ ...p, name: t(p.name), what: t(p.what) })),
        fields,
        (f) => serialiseFragmentQuery(f, 0),
        setFields,
      )}
    />
  );
}

function PayloadMode() {
  const mode = useFragment(selectMode);
  const { setField } = useSetters();
  const { t, r } = useWords();
  return (
    <Segmented
      name="payload-mode"
      label={t(W.payloadMode)}
      options={MODES.map((m) => ({ value: m.mode, label: r(m.label) }))}
      value={mode}
      onChange={(m) => setField('mode', m)}
    />
  );
}

const PAYLOAD_LABEL: Record<PayloadMode, MessageDescriptor> = {
  len: W.lenLabel,
  sends: W.sendsLabel,
  iov: W.iovLabel,
};

/** The payload's input of the current mode, with the mode's hint. */
function PayloadField() {
  const mode = useFragment(selectMode) as PayloadMode;
  const { value, error } = useField(mode);
  const { setField } = useSetters();
  const { r } = useWords();
  const h = useHint();
  const hint = MODES.find((m) => m.mode === mode)?.hint;
  return (
    <TextField
      // One input a mode, as before: a mode change makes a new input.
      key={mode}
      label={r(PAYLOAD_LABEL[mode])}
      hint={h(hint && r(hint))}
      error={error}
      autoComplete="off"
      value={value}
      onChange={(v) => setField(mode, v)}
      {...(mode === 'len' ? { inputMode: 'numeric' as const } : { className: 'mono' })}
    />
  );
}

function FamilyField() {
  const { value, error } = useField('family');
  const { setField } = useSetters();
  const { r } = useWords();
  return (
    <SegmentedField
      id="family-label"
      title={r(W.family)}
      name="family"
      error={error}
      options={notedOptions(
        [
          ['inet', 'IPv4', 'inet'],
          ['inet6', 'IPv6', 'inet6'],
        ],
        'mono',
      )}
      value={value}
      onChange={(v) => setField('family', v)}
    />
  );
}

function MtuField() {
  const { value, error } = useField('mtu');
  const v6 = useFragment(selectV6);
  const { setField } = useSetters();
  const { r } = useWords();
  const h = useHint();
  return (
    <Field
      label={<Term k="MTU">{r(W.mtu)}</Term>}
      error={error}
      hint={h(
        r(
          W.mtuHint,
          v6 ? { min: 1280, max: 65536, family: 'IPv6' } : { min: 68, max: 65536, family: 'IPv4' },
        ),
      )}
    >
      {(a) => (
        <>
          <input
            {...a}
            inputMode="numeric"
            autoComplete="off"
            list="mtu-choices"
            value={value}
            onChange={(e) => setField('mtu', e.target.value)}
          />
          <datalist id="mtu-choices">
            {MTU_CHOICES.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

function SockField() {
  const { value, error } = useField('sock');
  const { setField } = useSetters();
  const { t, r } = useWords();
  return (
    <Field label={r(W.socket)} error={error}>
      {(a) => (
        <select {...a} value={value} onChange={(e) => setField('sock', e.target.value)}>
          <option value="udp">{t(W.sockUdp)}</option>
          <option value="raw">{t(W.sockRaw)}</option>
          <option value="raw-hdrincl">{t(W.sockHdrincl)}</option>
        </select>
      )}
    </Field>
  );
}

/** What a socket kind adds: the protocol of a raw socket, DF of an IP_HDRINCL one. */
function SockExtra() {
  const sock = useFragment(selectSock);
  if (sock === 'raw')
    return (
      <Control name="proto">
        <ProtoField />
      </Control>
    );
  if (sock === 'raw-hdrincl')
    return (
      <Control name="df">
        <DfField />
      </Control>
    );
  return null;
}

/** A numeric text field of the send, reading only its own field (issue 17). */
function NumericField({
  f,
  label,
  hint,
  disabled,
}: {
  f: 'proto' | 'sndbuf';
  label: ReactNode;
  hint: ReactNode;
  disabled?: boolean;
}) {
  const { value, error } = useField(f);
  const { setField } = useSetters();
  const h = useHint();
  return (
    <TextField
      error={error}
      autoComplete="off"
      value={value}
      onChange={(v) => setField(f, v)}
      label={label}
      hint={h(hint)}
      inputMode="numeric"
      disabled={disabled}
    />
  );
}

function ProtoField() {
  const { r } = useWords();
  return <NumericField f="proto" label={r(W.proto)} hint={r(W.protoHint)} />;
}

function DfField() {
  const { value, error } = useField('df');
  const { setField } = useSetters();
  const { r } = useWords();
  return (
    <div className={`check${error ? ' field--error' : ''}`}>
      <label>
        <input
          type="checkbox"
          checked={value === '1'}
          onChange={(e) => setField('df', e.target.checked ? '1' : '0')}
        />{' '}
        {r(W.dfWrite)}
      </label>
      <FieldError msg={error} />
    </div>
  );
}

function PmtuField() {
  const { value, error } = useField('pmtu');
  const { setField } = useSetters();
  const { t, r } = useWords();
  const h = useHint();
  const help = PMTU_HELP[value as PmtuMode] as MessageDescriptor | undefined;
  return (
    <Field label={<Term k="PMTU">{r(W.pmtu)}</Term>} error={error} hint={h(help && r(help))}>
      {(a) => (
        <select {...a} value={value} onChange={(e) => setField('pmtu', e.target.value)}>
          {PMTU_MODES.map((m) => (
            <option key={m} value={m}>
              {m === 'want' ? t(W.pmtuDefault, { mode: m }) : m}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function OptsField() {
  const { value, error } = useField('opts');
  const v6 = useFragment(selectV6);
  const { setField } = useSetters();
  const { t, r } = useWords();
  const h = useHint();
  return (
    <Field
      label={<Term k="ip_options">{r(W.opts)}</Term>}
      error={v6 ? undefined : error}
      hint={h(v6 ? r(W.optsHint6) : r(W.optsHint))}
    >
      {(a) => (
        <input
          {...a}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder={v6 ? SYM.dash : t(W.optsNone)}
          disabled={v6}
          value={v6 ? '' : value}
          onChange={(e) => setField('opts', e.target.value)}
        />
      )}
    </Field>
  );
}

function SndbufField() {
  const off = useFragment(selectNoSndbufCheck);
  const { r } = useWords();
  return (
    <NumericField
      f="sndbuf"
      label={<Term k="sk_sndbuf">{r(W.sndbuf)}</Term>}
      hint={r(W.sndbufHint)}
      disabled={off}
    />
  );
}

/**
 * A fieldset with its legend in the full page; in an embed view the few inputs shown sit side by
 * side in one panel (the form), without legends.
 */
function Group({ full, legend, children }: { full: boolean; legend: ReactNode; children: ReactNode }) {
  return full ? (
    <fieldset className="panel">
      <legend className="panel-title">{legend}</legend>
      {children}
    </fieldset>
  ) : (
    <>{children}</>
  );
}

/** A device flag's checkbox bound to its field. */
function FlagField({
  f,
  label,
  hint,
}: {
  f: 'sg' | 'sndbufcheck';
  label: MessageDescriptor;
  hint: MessageDescriptor;
}) {
  const { value, error } = useField(f);
  const { setField } = useSetters();
  const { r } = useWords();
  const h = useHint();
  return (
    <Field label={r(label)} error={error} hint={h(r(hint))} className="check">
      {(a) => (
        <input
          {...a}
          type="checkbox"
          checked={value === '1'}
          onChange={(e) => setField(f, e.target.checked ? '1' : '0')}
        />
      )}
    </Field>
  );
}
