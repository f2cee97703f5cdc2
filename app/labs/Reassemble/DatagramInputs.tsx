import { useShallow } from 'zustand/react/shallow';
import { useIntl } from 'react-intl';
import { DEFRAG_DEFAULTS } from '../../../core/ip/defrag-types.ts';
import { Field, NumberField } from '../../components/Field.tsx';
import {
  selectReassembleActions,
  selectReassembleFields,
  selectReassembleIssues,
  useReassemble,
} from './store.ts';
import { FIELD_LIMITS } from './params.ts';
import type { ReassembleIssueField } from './params.ts';
import { PRESETS } from './presets.ts';
import { Control, Part, PresetChips, issueTextOf, useControl, useEmbedView } from '../../lab-kit/index.ts';
import { SegmentedField, notedOptions } from '../../components/Segmented.tsx';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { RECEIVER_PLACEHOLDERS } from './receiver-words.ts';
import { W } from './words.ts';
import { plainText } from './text.ts';

/** A limit as the messages write it (65,535; the same in both languages, as the hints' other numbers). */
const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * The datagram the cards are cut from, the receiver's clock and who sent it, and the presets.
 * Each input is a `<Control>` named by its URL key, so an embed shows the ones it asks for.
 */
export function DatagramInputs({ onPreset }: { onPreset: (text: string) => void }) {
  const intl = useIntl();
  const fields = useReassemble(selectReassembleFields);
  const issues = useReassemble(selectReassembleIssues);
  const { setDatagram, setField, applyPreset } = useReassemble(useShallow(selectReassembleActions));
  const err = (f: ReassembleIssueField) => issueTextOf(issues, f);
  const timeout = (fields.family === 'inet6' ? DEFRAG_DEFAULTS.inet6 : DEFRAG_DEFAULTS.inet).timeout;
  const code = { code: codeChunks };
  // An embed shows only the inputs it asks for, without their hints, and no empty group.
  const full = useEmbedView().view === 'full';
  const hint = <T,>(h: T): T | undefined => (full ? h : undefined);
  const datagramShown = [useControl('len'), useControl('mtu'), useControl('family')].some(Boolean);
  const receiverShown = [
    useControl('until'),
    useControl('source'),
    useControl('max-dist'),
    useControl('rcvbuf'),
  ].some(Boolean);

  return (
    <div className="inputs rq-inputs">
      {datagramShown && (
        <fieldset className="panel">
          <legend className="panel-title">{fmt(intl, W.datagram)}</legend>
          <Control name="len">
            <NumberField
              label={fmt(intl, W.len)}
              error={err('len')}
              hint={hint(fmtNode(intl, W.lenHint, { ...code, max: grouped(FIELD_LIMITS.len.max) }))}
              value={fields.len}
              onChange={(text) => setDatagram({ len: text })}
            />
          </Control>
          <Control name="mtu">
            <NumberField
              label={fmt(intl, W.mtu)}
              error={err('mtu')}
              hint={hint(
                fmtNode(intl, W.mtuHint, {
                  ...code,
                  min: grouped(FIELD_LIMITS.mtu(fields.family).min),
                  max: grouped(FIELD_LIMITS.mtu(fields.family).max),
                  family: fields.family === 'inet6' ? 'IPv6' : 'IPv4',
                }),
              )}
              list="rq-mtus"
              value={fields.mtu}
              onChange={(text) => setDatagram({ mtu: text })}
            />
            <datalist id="rq-mtus">
              {['576', '1280', '1500', '9000'].map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </Control>
          <Control name="family">
            <SegmentedField
              id="rq-family-label"
              title={fmt(intl, W.family)}
              name="rq-family"
              error={err('family')}
              options={notedOptions(
                [
                  ['inet', 'IPv4', 'ip_defrag'],
                  ['inet6', 'IPv6', 'ipv6_frag_rcv'],
                ],
                'mono',
              )}
              value={fields.family}
              onChange={(v) => setDatagram({ family: v })}
            />
          </Control>
        </fieldset>
      )}

      {receiverShown && (
        <fieldset className="panel">
          <legend className="panel-title">{fmt(intl, W.receiver)}</legend>
          <Control name="until">
            <NumberField
              label={fmt(intl, W.until)}
              error={err('until')}
              hint={hint(
                <>
                  {fmtNode(intl, W.untilHint, {
                    ...code,
                    s: timeout / 1000,
                    sysctl: fields.family === 'inet6' ? 'ip6frag_time' : 'ipfrag_time',
                  })}{' '}
                  <button
                    type="button"
                    className="link-btn"
                    onClick={() => setField('until', String(timeout + 1000))}
                  >
                    {fmt(intl, W.waitPast)}
                  </button>
                </>,
              )}
              placeholder={fmt(intl, W.untilPlaceholder)}
              value={fields.until}
              onChange={(text) => setField('until', text)}
            />
          </Control>
          <Control name="source">
            <Field
              label={fmt(intl, W.source)}
              error={err('source')}
              hint={hint(fmtNode(intl, W.sourceHint, code))}
            >
              {(a) => (
                <select {...a} value={fields.source} onChange={(e) => setField('source', e.target.value)}>
                  <option value="self">{fmt(intl, W.sourceSelf)}</option>
                  <option value="remote">{fmt(intl, W.sourceRemote)}</option>
                  {fields.source !== 'self' && fields.source !== 'remote' && (
                    <option value={fields.source}>{fields.source}</option>
                  )}
                </select>
              )}
            </Field>
          </Control>
          {(
            [
              ['maxDist', 'max-dist', W.maxDist, W.maxDistHint],
              ['rcvbuf', 'rcvbuf', W.rcvbuf, W.rcvbufHint],
            ] as const
          ).map(([key, control, label, h]) => (
            <Control key={key} name={control}>
              <NumberField
                label={fmtNode(intl, label, code)}
                error={err(key)}
                hint={hint(fmtNode(intl, h, code))}
                placeholder={RECEIVER_PLACEHOLDERS[key]}
                value={fields[key]}
                onChange={(text) => setField(key, text)}
              />
            </Control>
          ))}
        </fieldset>
      )}

      <Part kind="presets">
        <fieldset className="panel">
          <legend className="panel-title">{fmt(intl, W.try)}</legend>
          <PresetChips
            label={fmt(intl, W.presets)}
            presets={PRESETS.map((p) => ({
              key: p.id,
              name: fmt(intl, p.label),
              what: plainText(intl, p.shows),
              pick: () => {
                applyPreset(p.make(fields));
                onPreset(
                  fmt(intl, W.saidPreset, { label: fmt(intl, p.label), shows: plainText(intl, p.shows) }),
                );
              },
            }))}
          />
        </fieldset>
      </Part>
    </div>
  );
}
