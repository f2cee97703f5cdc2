import { useShallow } from 'zustand/react/shallow';
import { PMTU_MODES } from '../../../core/ip/index.ts';
import type { PmtuMode } from '../../../core/ip/index.ts';
import { Field, FieldError, LiveForm, TextField } from '../../components/Field.tsx';
import { PresetPanel, fieldsPresetChips, issueTextOf } from '../../lab-kit/index.ts';
import { serialiseFragmentQuery } from './params.ts';
import type { FieldName, PayloadMode } from './params.ts';
import { PRESETS } from './presets.ts';
import { selectActions, selectFields, selectIssues, useFragment } from './store.ts';
import type { FragmentState } from './store.ts';
import { Segmented, SegmentedField, notedOptions } from '../../components/Segmented.tsx';
import type { MessageDescriptor } from 'react-intl';
import type { ReactNode } from 'react';
import { Control, Part, useControl, useEmbedView } from '../../lab-kit/index.ts';
import { SYM, W, useWords } from './words.tsx';
import { Term } from '../../lab-kit/Term.tsx';
import type { Text } from '../../../core/i18n/index.ts';

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

const selectFormView = (s: FragmentState) => ({
  fields: selectFields(s),
  issues: selectIssues(s),
});

export function InputsPanel() {
  const { fields, issues } = useFragment(useShallow(selectFormView));
  const { setField, setFields } = useFragment(useShallow(selectActions));
  const { t, r } = useWords();
  const { view } = useEmbedView();
  const full = view === 'full';
  // Hints are for the full page; an embed keeps its inputs to a line.
  const h = (node: ReactNode) => (full ? node : undefined);
  const err = (f: FieldName) => issueTextOf(issues, f);
  const text =
    (f: Exclude<FieldName, 'mode'>) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setField(f, e.target.value);
  const flag = (f: 'sg' | 'sndbufcheck' | 'df') => (e: React.ChangeEvent<HTMLInputElement>) =>
    setField(f, e.target.checked ? '1' : '0');
  const v6 = fields.family === 'inet6';
  const pmtuHelp = PMTU_HELP[fields.pmtu as PmtuMode] as MessageDescriptor | undefined;
  const modeHint = MODES.find((m) => m.mode === fields.mode)?.hint;
  // A text input bound to its field: its value, its error, every keystroke to the store.
  const input = (f: 'len' | 'sends' | 'iov' | 'proto' | 'sndbuf') => ({
    error: err(f),
    autoComplete: 'off',
    value: fields[f],
    onChange: (v: string) => setField(f, v),
  });
  // A device flag's checkbox bound to its field.
  const check = (f: 'sg' | 'sndbufcheck') => ({
    checked: fields[f] === '1',
    onChange: flag(f),
    error: err(f),
  });
  // The payload's input of the current mode, with the mode's hint.
  const payload = (f: 'len' | 'sends' | 'iov', label: MessageDescriptor) => ({
    ...input(f),
    label: r(label),
    hint: h(modeHint && r(modeHint)),
  });
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
      </Part>

      {shows.payload && (
        <Group full={full} legend={r(W.payload)}>
          {full && (
            <Segmented
              name="payload-mode"
              label={t(W.payloadMode)}
              options={MODES.map((m) => ({ value: m.mode, label: r(m.label) }))}
              value={fields.mode}
              onChange={(m) => setField('mode', m)}
            />
          )}
          {fields.mode === 'len' && <TextField {...payload('len', W.lenLabel)} inputMode="numeric" />}
          {fields.mode === 'sends' && <TextField {...payload('sends', W.sendsLabel)} className="mono" />}
          {fields.mode === 'iov' && <TextField {...payload('iov', W.iovLabel)} className="mono" />}
        </Group>
      )}

      {shows.route && (
        <Group full={full} legend={r(W.socketRoute)}>
          <Control name="family">
            <SegmentedField
              id="family-label"
              title={r(W.family)}
              name="family"
              error={err('family')}
              options={notedOptions(
                [
                  ['inet', 'IPv4', 'inet'],
                  ['inet6', 'IPv6', 'inet6'],
                ],
                'mono',
              )}
              value={fields.family}
              onChange={(v) => setField('family', v)}
            />
          </Control>
          <Control name="mtu">
            <Field
              label={<Term k="MTU">{r(W.mtu)}</Term>}
              error={err('mtu')}
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
                    value={fields.mtu}
                    onChange={text('mtu')}
                  />
                  <datalist id="mtu-choices">
                    {MTU_CHOICES.map((m) => (
                      <option key={m} value={m} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </Control>
          <Control name="sock">
            <Field label={r(W.socket)} error={err('sock')}>
              {(a) => (
                <select {...a} value={fields.sock} onChange={text('sock')}>
                  <option value="udp">{t(W.sockUdp)}</option>
                  <option value="raw">{t(W.sockRaw)}</option>
                  <option value="raw-hdrincl">{t(W.sockHdrincl)}</option>
                </select>
              )}
            </Field>
          </Control>
          {fields.sock === 'raw' && (
            <Control name="proto">
              <TextField
                {...input('proto')}
                label={r(W.proto)}
                hint={h(r(W.protoHint))}
                inputMode="numeric"
              />
            </Control>
          )}
          {fields.sock === 'raw-hdrincl' && (
            <Control name="df">
              <div className={`check${err('df') ? ' field--error' : ''}`}>
                <label>
                  <input type="checkbox" checked={fields.df === '1'} onChange={flag('df')} /> {r(W.dfWrite)}
                </label>
                <FieldError msg={err('df')} />
              </div>
            </Control>
          )}
          <Control name="pmtu">
            <Field
              label={<Term k="PMTU">{r(W.pmtu)}</Term>}
              error={err('pmtu')}
              hint={h(pmtuHelp && r(pmtuHelp))}
            >
              {(a) => (
                <select {...a} value={fields.pmtu} onChange={text('pmtu')}>
                  {PMTU_MODES.map((m) => (
                    <option key={m} value={m}>
                      {m === 'want' ? t(W.pmtuDefault, { mode: m }) : m}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </Control>
          <Control name="opts">
            <Field
              label={<Term k="ip_options">{r(W.opts)}</Term>}
              error={v6 ? undefined : err('opts')}
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
                  value={v6 ? '' : fields.opts}
                  onChange={text('opts')}
                />
              )}
            </Field>
          </Control>
        </Group>
      )}

      {shows.device && (
        <Group full={full} legend={r(W.device)}>
          <Control name="sg">
            <FlagField {...check('sg')} label={r(W.sg)} hint={h(r(W.sgHint))} />
          </Control>
          <Control name="sndbufcheck">
            <FlagField {...check('sndbufcheck')} label={r(W.sndbufCheck)} hint={h(r(W.sndbufCheckHint))} />
          </Control>
          <Control name="sndbuf">
            <TextField
              {...input('sndbuf')}
              label={<Term k="sk_sndbuf">{r(W.sndbuf)}</Term>}
              hint={h(r(W.sndbufHint))}
              inputMode="numeric"
              disabled={fields.sndbufcheck === '0'}
            />
          </Control>
        </Group>
      )}
    </LiveForm>
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

function FlagField(props: {
  label: ReactNode;
  hint: ReactNode | undefined;
  checked: boolean;
  error: Text | undefined;
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} className="check">
      {(a) => <input {...a} type="checkbox" checked={props.checked} onChange={props.onChange} />}
    </Field>
  );
}
