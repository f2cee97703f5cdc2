/** The lab's inputs: real kernel samples, the family and byte order, MSG_TRUNC, and the hex editor. */
import { useShallow } from 'zustand/react/shallow';
import { NETLINK_SAMPLES } from '../../../core/netlink/index.ts';
import type { Endian, NlFamily } from '../../../core/netlink/index.ts';
import { LiveForm } from '../../components/Field.tsx';
import { renderText } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import { SAMPLE_WORDS, W, useNlWords } from './words.ts';
import type { NetlinkState } from './store.ts';
import { selectNlActions, useNetlink } from './store.ts';
import { HexEditor } from './HexEditor.tsx';
import { SegmentedField, notedOptions } from '../../components/Segmented.tsx';
import { Control, Part, PresetPanel, useControl } from '../../lab-kit/index.ts';

const selectInputs = (s: NetlinkState) => ({
  hexText: s.hexText,
  hexError: s.hexError,
  hexErrorMsg: s.hexErrorMsg,
  family: s.family,
  endian: s.endian,
  truncated: s.truncated,
  sample: s.sample,
  bytes: s.bytes,
});

export function BufferInputs() {
  const { t, s } = useNlWords();
  const locale = useLocale();
  const familyOptions = notedOptions<NlFamily>([
    ['route', 'route', 'NETLINK_ROUTE'],
    ['generic', 'generic', 'NETLINK_GENERIC'],
    ['raw', 'raw', s(W.familyRaw)],
  ]);
  const endianOptions = notedOptions<Endian>([
    ['le', s(W.little), 'x86-64, arm64'],
    ['be', s(W.big), 's390x'],
  ]);
  const v = useNetlink(useShallow(selectInputs));
  const { setHex, setFamily, setEndian, setTruncated, loadSample } = useNetlink(useShallow(selectNlActions));
  const current = NETLINK_SAMPLES.find((s) => s.id === v.sample);
  // The buffer's panel only when the view shows one of its inputs (an embed's compact view need not).
  const buffer = [useControl('family'), useControl('endian'), useControl('trunc'), useControl('hex')].some(
    Boolean,
  );
  return (
    <LiveForm className="inputs" label={s(W.inputsLabel)}>
      <Control name="sample">
        <PresetPanel
          titleId="nl-samples-title"
          title={t(W.samplesTitle)}
          presets={NETLINK_SAMPLES.map((sm) => ({
            key: sm.id,
            name: SAMPLE_WORDS[sm.id] ? s(SAMPLE_WORDS[sm.id]!.title) : sm.title,
            what: SAMPLE_WORDS[sm.id] ? s(SAMPLE_WORDS[sm.id]!.what) : sm.what,
            on: sm.id === v.sample,
            pick: () => loadSample(sm.id),
          }))}
        >
          {current && (
            <Part kind="detail">
              <p className="field-hint nl-sample-what">
                {SAMPLE_WORDS[current.id] ? t(SAMPLE_WORDS[current.id]!.what) : current.what}
              </p>
            </Part>
          )}
          {NETLINK_SAMPLES.length === 0 && <p className="field-hint">{t(W.noSamples)}</p>}
        </PresetPanel>
      </Control>

      {buffer && (
        <fieldset className="panel">
          <legend className="panel-title">{t(W.bufferTitle)}</legend>
          <Control name="family">
            <SegmentedField
              id="nl-family-label"
              title={s(W.family)}
              name="nl-family"
              options={familyOptions}
              value={v.family}
              onChange={setFamily}
            />
          </Control>
          <Control name="endian">
            <SegmentedField
              id="nl-endian-label"
              title={s(W.byteOrder)}
              name="nl-endian"
              hint={s(W.byteOrderHint)}
              options={endianOptions}
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
                <span>{t(W.trunc)}</span>
              </label>
            </div>
          </Control>
          <Control name="hex">
            <HexEditor
              text={v.hexText}
              bytes={v.bytes}
              reads={v.hexError === null}
              error={v.hexErrorMsg ? renderText(v.hexErrorMsg, locale) : (v.hexError ?? undefined)}
              onText={setHex}
            />
          </Control>
        </fieldset>
      )}
    </LiveForm>
  );
}
