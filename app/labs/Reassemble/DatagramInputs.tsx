import { useShallow } from 'zustand/react/shallow';
import { DEFRAG_DEFAULTS } from '../../../core/ip/index.ts';
import { Field, TextField } from '../../components/Field.tsx';
import {
  selectReassembleActions,
  selectReassembleFields,
  selectReassembleIssues,
  useReassemble,
} from './store.ts';
import type { ReassembleIssueField } from './params.ts';
import { PRESETS } from './presets.ts';
import { PresetChips, issueOf } from '../../lab-kit/index.ts';
import { SegmentedField } from '../../components/Segmented.tsx';
import { RECEIVER_WORDS as W } from './receiver-words.ts';

/** The datagram the cards are cut from, the receiver's clock and who sent it, and the presets. */
export function DatagramInputs({ onPreset }: { onPreset: (text: string) => void }) {
  const fields = useReassemble(selectReassembleFields);
  const issues = useReassemble(selectReassembleIssues);
  const { setDatagram, setField, applyPreset } = useReassemble(useShallow(selectReassembleActions));
  const err = (f: ReassembleIssueField) => issueOf(issues, f);
  const timeout = (fields.family === 'inet6' ? DEFRAG_DEFAULTS.inet6 : DEFRAG_DEFAULTS.inet).timeout;

  return (
    <div className="inputs rq-inputs">
      <fieldset className="panel">
        <legend className="panel-title">The datagram</legend>
        <TextField
          label="UDP payload length (bytes)"
          error={err('len')}
          hint="The sender’s sendto(); the datagram is 8 bytes more. Changing it cuts the cards again."
          type="text"
          inputMode="numeric"
          className="mono"
          value={fields.len}
          onChange={(text) => setDatagram({ len: text })}
        />
        <TextField
          label="MTU (bytes)"
          error={err('mtu')}
          hint="Where the sender’s ip_do_fragment cuts it."
          type="text"
          inputMode="numeric"
          className="mono"
          list="rq-mtus"
          value={fields.mtu}
          onChange={(text) => setDatagram({ mtu: text })}
        />
        <datalist id="rq-mtus">
          {['576', '1280', '1500', '9000'].map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <SegmentedField
          id="rq-family-label"
          title="Family"
          name="rq-family"
          error={err('family')}
          options={(
            [
              ['inet', 'IPv4', 'ip_defrag'],
              ['inet6', 'IPv6', 'ipv6_frag_rcv'],
            ] as const
          ).map(([value, name, fn]) => ({
            value,
            label: (
              <>
                {name} <small className="mono">{fn}</small>
              </>
            ),
          }))}
          value={fields.family}
          onChange={(v) => setDatagram({ family: v })}
        />
      </fieldset>

      <fieldset className="panel">
        <legend className="panel-title">The receiver</legend>
        <Field
          label="Watch the clock until (ms)"
          error={err('until')}
          hint={
            <>
              Empty: 100 ms after the last arrival. Queues expire {timeout / 1000} s after their first
              fragment (
              <span className="mono">{fields.family === 'inet6' ? 'ip6frag_time' : 'ipfrag_time'}</span>).{' '}
              <button
                type="button"
                className="link-btn"
                onClick={() => setField('until', String(timeout + 1000))}
              >
                Wait past the timer
              </button>
            </>
          }
        >
          {(a) => (
            <input
              {...a}
              type="text"
              inputMode="numeric"
              className="mono"
              placeholder="last arrival + 100"
              value={fields.until}
              onChange={(e) => setField('until', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="The fragments come from"
          error={err('source')}
          hint="ip_expire routes the first fragment back to its sender: from this host’s own address that fails, so no ICMP leaves."
        >
          {(a) => (
            <select {...a} value={fields.source} onChange={(e) => setField('source', e.target.value)}>
              <option value="self">this host (loopback)</option>
              <option value="remote">another host</option>
              {fields.source !== 'self' && fields.source !== 'remote' && (
                <option value={fields.source}>{fields.source}</option>
              )}
            </select>
          )}
        </Field>
        <TextField
          label={<span className="mono">{W.maxDist}</span>}
          error={err('maxDist')}
          hint={W.maxDistHint}
          type="text"
          inputMode="numeric"
          className="mono"
          placeholder={W.maxDistPlaceholder}
          value={fields.maxDist}
          onChange={(text) => setField('maxDist', text)}
        />
        <TextField
          label={W.rcvbuf}
          error={err('rcvbuf')}
          hint={W.rcvbufHint}
          type="text"
          inputMode="numeric"
          className="mono"
          placeholder={W.rcvbufPlaceholder}
          value={fields.rcvbuf}
          onChange={(text) => setField('rcvbuf', text)}
        />
      </fieldset>

      <fieldset className="panel">
        <legend className="panel-title">Try</legend>
        <PresetChips
          label="Presets"
          presets={PRESETS.map((p) => ({
            key: p.id,
            name: p.label,
            what: p.shows,
            pick: () => {
              applyPreset(p.make(fields));
              onPreset(`${p.label}: ${p.shows}.`);
            },
          }))}
        />
      </fieldset>
    </div>
  );
}
