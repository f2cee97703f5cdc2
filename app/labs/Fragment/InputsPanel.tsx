import { useShallow } from 'zustand/react/shallow';
import { PMTU_MODES } from '../../../core/ip/index.ts';
import type { PmtuMode } from '../../../core/ip/index.ts';
import { Field } from '../../components/Field.tsx';
import { PresetChips, issueOf } from '../../lab-kit/index.ts';
import { serialiseFragmentQuery } from './params.ts';
import type { FieldName, PayloadMode } from './params.ts';
import { PRESETS } from './presets.ts';
import { selectActions, selectFields, selectIssues, useFragment } from './store.ts';
import type { FragmentState } from './store.ts';
import { Segmented, SegmentedField } from '../../components/Segmented.tsx';

/** What each IP_MTU_DISCOVER mode means for this send (include/net/ip.h predicates), in a sentence. */
const PMTU_HELP: Record<PmtuMode, string> = {
  dont: 'IP_PMTUDISC_DONT: never set DF; datagrams larger than the path MTU are fragmented here.',
  want: 'IP_PMTUDISC_WANT (the default): DF only on datagrams that fit the path MTU; larger ones are fragmented here.',
  do: 'IP_PMTUDISC_DO: always DF; a datagram larger than the path MTU fails with EMSGSIZE.',
  probe: 'IP_PMTUDISC_PROBE: always DF, sized by the device MTU, ignoring any learned path MTU.',
  interface: 'IP_PMTUDISC_INTERFACE: sized by the device MTU, never DF; larger sends fail.',
  omit: 'IP_PMTUDISC_OMIT: sized by the device MTU, never DF; larger datagrams are fragmented here.',
};

const MODES: { mode: PayloadMode; label: string; hint: string }[] = [
  { mode: 'len', label: 'One send', hint: 'One sendto() of this many payload bytes (0..65,535).' },
  {
    mode: 'sends',
    label: 'MSG_MORE',
    hint: 'Several sendto()s glued into one datagram: every send but the last carries MSG_MORE.',
  },
  { mode: 'iov', label: 'iovec', hint: 'One sendmsg() whose iovec has these buffers, in order.' },
];

const MTU_CHOICES = [68, 576, 1006, 1280, 1492, 1500, 4352, 9000, 65536];

const selectFormView = (s: FragmentState) => ({
  fields: selectFields(s),
  issues: selectIssues(s),
});

export function InputsPanel() {
  const { fields, issues } = useFragment(useShallow(selectFormView));
  const { setField, setFields } = useFragment(useShallow(selectActions));
  const err = (f: FieldName) => issueOf(issues, f);
  const text =
    (f: Exclude<FieldName, 'mode'>) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setField(f, e.target.value);
  const flag = (f: 'sg' | 'sndbufcheck' | 'df') => (e: React.ChangeEvent<HTMLInputElement>) =>
    setField(f, e.target.checked ? '1' : '0');
  const v6 = fields.family === 'inet6';
  const current = serialiseFragmentQuery(fields, 0);
  const pmtuHelp = PMTU_HELP[fields.pmtu as PmtuMode] as string | undefined;
  const modeHint = MODES.find((m) => m.mode === fields.mode)?.hint;

  return (
    <form className="inputs" aria-label="Send parameters" onSubmit={(e) => e.preventDefault()} noValidate>
      <section className="panel presets" aria-labelledby="presets-title">
        <h2 id="presets-title" className="panel-title">
          Presets
        </h2>
        <PresetChips
          presets={PRESETS.map((p) => ({
            key: p.name,
            name: p.name,
            what: p.what,
            on: serialiseFragmentQuery(p.fields, 0) === current,
            pick: () => setFields(p.fields),
          }))}
        />
      </section>

      <fieldset className="panel">
        <legend className="panel-title">Payload</legend>
        <Segmented
          name="payload-mode"
          label="How the payload is sent"
          options={MODES.map((m) => ({ value: m.mode, label: m.label }))}
          value={fields.mode}
          onChange={(m) => setField('mode', m)}
        />
        {fields.mode === 'len' && (
          <Field label="Payload length (bytes)" error={err('len')} hint={modeHint}>
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                autoComplete="off"
                value={fields.len}
                onChange={text('len')}
              />
            )}
          </Field>
        )}
        {fields.mode === 'sends' && (
          <Field label="MSG_MORE sends (bytes, comma-separated)" error={err('sends')} hint={modeHint}>
            {(a) => (
              <input
                {...a}
                className="mono"
                autoComplete="off"
                value={fields.sends}
                onChange={text('sends')}
              />
            )}
          </Field>
        )}
        {fields.mode === 'iov' && (
          <Field label="iovec buffers (bytes, comma-separated)" error={err('iov')} hint={modeHint}>
            {(a) => (
              <input {...a} className="mono" autoComplete="off" value={fields.iov} onChange={text('iov')} />
            )}
          </Field>
        )}
      </fieldset>

      <fieldset className="panel">
        <legend className="panel-title">Socket and route</legend>
        <SegmentedField
          id="family-label"
          title="Family"
          name="family"
          error={err('family')}
          options={(
            [
              ['inet', 'IPv4'],
              ['inet6', 'IPv6'],
            ] as const
          ).map(([value, name]) => ({
            value,
            label: (
              <>
                {name} <small className="mono">{value}</small>
              </>
            ),
          }))}
          value={fields.family}
          onChange={(v) => setField('family', v)}
        />
        <Field
          label="MTU (bytes)"
          error={err('mtu')}
          hint={v6 ? 'Device MTU, 1,280..65,536 for IPv6.' : 'Device MTU, 68..65,536 for IPv4.'}
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
        <Field label="Socket" error={err('sock')}>
          {(a) => (
            <select {...a} value={fields.sock} onChange={text('sock')}>
              <option value="udp">UDP — SOCK_DGRAM</option>
              <option value="raw">raw — SOCK_RAW, protocol</option>
              <option value="raw-hdrincl">raw — IP_HDRINCL (you write the IP header)</option>
            </select>
          )}
        </Field>
        {fields.sock === 'raw' && (
          <Field
            label="Raw protocol"
            error={err('proto')}
            hint="The IP header’s protocol byte; 253 is reserved for experiments."
          >
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                autoComplete="off"
                value={fields.proto}
                onChange={text('proto')}
              />
            )}
          </Field>
        )}
        {fields.sock === 'raw-hdrincl' && (
          <div className={`check${err('df') ? ' field--error' : ''}`}>
            <label>
              <input type="checkbox" checked={fields.df === '1'} onChange={flag('df')} /> DF in the header you
              write
            </label>
            {err('df') && <p className="field-error">{err('df')}</p>}
          </div>
        )}
        <Field label="Path MTU discovery" error={err('pmtu')} hint={pmtuHelp}>
          {(a) => (
            <select {...a} value={fields.pmtu} onChange={text('pmtu')}>
              {PMTU_MODES.map((m) => (
                <option key={m} value={m}>
                  {m}
                  {m === 'want' ? ' (default)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="IPv4 options (hex)"
          error={v6 ? undefined : err('opts')}
          hint={
            v6
              ? 'IPv6 carries options in extension headers, not here.'
              : 'As given to setsockopt(IP_OPTIONS), at most 40 bytes — e.g. 94040000 (router alert).'
          }
        >
          {(a) => (
            <input
              {...a}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              placeholder={v6 ? '—' : 'none'}
              disabled={v6}
              value={v6 ? '' : fields.opts}
              onChange={text('opts')}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="panel">
        <legend className="panel-title">Device and socket buffer</legend>
        <FlagField
          label="Scatter-gather (NETIF_F_SG)"
          hint="Loopback has it: later appends go to page frags instead of the linear area."
          checked={fields.sg === '1'}
          onChange={flag('sg')}
          error={err('sg')}
        />
        <FlagField
          label="Send-buffer check"
          hint="__ip_append_data stops with ENOBUFS when queued fragments pass 2 × sk_sndbuf. Switch off to see the whole fragment train."
          checked={fields.sndbufcheck === '1'}
          onChange={flag('sndbufcheck')}
          error={err('sndbufcheck')}
        />
        <Field
          label="sk_sndbuf (bytes)"
          error={err('sndbuf')}
          hint="SO_SNDBUF as the kernel stores it; 212,992 by default."
        >
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              autoComplete="off"
              value={fields.sndbuf}
              disabled={fields.sndbufcheck === '0'}
              onChange={text('sndbuf')}
            />
          )}
        </Field>
      </fieldset>
    </form>
  );
}

function FlagField(props: {
  label: string;
  hint: string;
  checked: boolean;
  error: string | undefined;
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} className="check">
      {(a) => <input {...a} type="checkbox" checked={props.checked} onChange={props.onChange} />}
    </Field>
  );
}
