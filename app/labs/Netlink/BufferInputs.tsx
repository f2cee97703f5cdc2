/** The lab's inputs: real kernel samples, the family and byte order, MSG_TRUNC, and the hex editor. */
import { useShallow } from 'zustand/react/shallow';
import { NETLINK_SAMPLES } from '../../../core/netlink/index.ts';
import type { Endian, NlFamily } from '../../../core/netlink/index.ts';
import { Field } from '../../components/Field.tsx';
import { num } from '../../format.ts';
import type { NetlinkState } from './store.ts';
import { selectNlActions, useNetlink } from './store.ts';
import { SegmentedField } from '../../components/Segmented.tsx';
import { Control, Part, PresetChips, useControl } from '../../lab-kit/index.ts';

const selectInputs = (s: NetlinkState) => ({
  hexText: s.hexText,
  hexError: s.hexError,
  family: s.family,
  endian: s.endian,
  truncated: s.truncated,
  sample: s.sample,
  length: s.bytes.length,
});

const FAMILIES: readonly [NlFamily, string, string][] = [
  ['route', 'route', 'NETLINK_ROUTE'],
  ['generic', 'generic', 'NETLINK_GENERIC'],
  ['raw', 'raw', 'framing only'],
];
const ENDIANS: readonly [Endian, string, string][] = [
  ['le', 'little', 'x86-64, arm64'],
  ['be', 'big', 's390x'],
];

export function BufferInputs() {
  const v = useNetlink(useShallow(selectInputs));
  const { setHex, setFamily, setEndian, setTruncated, loadSample } = useNetlink(useShallow(selectNlActions));
  const current = NETLINK_SAMPLES.find((s) => s.id === v.sample);
  const lines = v.hexText.split('\n').length;
  // The buffer's panel only when the view shows one of its inputs (an embed's compact view need not).
  const buffer = [useControl('family'), useControl('endian'), useControl('trunc'), useControl('hex')].some(
    Boolean,
  );
  return (
    <form className="inputs" aria-label="Netlink buffer" onSubmit={(e) => e.preventDefault()} noValidate>
      <Control name="sample">
        <section className="panel presets" aria-labelledby="nl-samples-title">
          <h2 id="nl-samples-title" className="panel-title">
            Captured from Linux 6.18
          </h2>
          <PresetChips
            presets={NETLINK_SAMPLES.map((sm) => ({
              key: sm.id,
              name: sm.title,
              what: sm.what,
              on: sm.id === v.sample,
              pick: () => loadSample(sm.id),
            }))}
          />
          {current && (
            <Part kind="detail">
              <p className="field-hint nl-sample-what">{current.what}</p>
            </Part>
          )}
          {NETLINK_SAMPLES.length === 0 && <p className="field-hint">No samples in this build.</p>}
        </section>
      </Control>

      {buffer && (
        <fieldset className="panel">
          <legend className="panel-title">The buffer</legend>
          <Control name="family">
            <SegmentedField
              id="nl-family-label"
              title="Netlink family"
              name="nl-family"
              options={FAMILIES.map(([value, label, small]) => ({
                value,
                label: (
                  <>
                    {label} <small>{small}</small>
                  </>
                ),
              }))}
              value={v.family}
              onChange={setFamily}
            />
          </Control>
          <Control name="endian">
            <SegmentedField
              id="nl-endian-label"
              title="Byte order"
              name="nl-endian"
              hint="Switching re-encodes the builder’s messages in that order."
              options={ENDIANS.map(([value, label, small]) => ({
                value,
                label: (
                  <>
                    {label} <small>{small}</small>
                  </>
                ),
              }))}
              value={v.endian}
              onChange={setEndian}
            />
          </Control>
          <Control name="trunc">
            <div className="check">
              <label>
                <input
                  type="checkbox"
                  checked={v.truncated}
                  onChange={(e) => setTruncated(e.target.checked)}
                />
                <span>
                  <span className="mono">MSG_TRUNC</span>: recvmsg cut this buffer short
                </span>
              </label>
            </div>
          </Control>
          <Control name="hex">
            <Field
              label="Bytes (hex)"
              error={v.hexError ?? undefined}
              hint={`${num(v.length)} bytes. Spaces, 0x and colons are ignored; edits rebuild the builder.`}
              className="nl-hex-field"
            >
              {(a) => (
                <textarea
                  {...a}
                  className="mono nl-hex"
                  value={v.hexText}
                  rows={Math.min(12, Math.max(4, lines + 1))}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  onChange={(e) => setHex(e.target.value)}
                />
              )}
            </Field>
          </Control>
        </fieldset>
      )}
    </form>
  );
}
