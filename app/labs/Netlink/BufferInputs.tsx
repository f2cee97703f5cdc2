/** The lab's inputs: real kernel samples, the family and byte order, MSG_TRUNC, and the hex editor. */
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { ClipboardEvent, RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NETLINK_SAMPLES } from '../../../core/netlink/index.ts';
import type { Endian, NlFamily } from '../../../core/netlink/index.ts';
import { Field, LiveForm } from '../../components/Field.tsx';
import { renderText } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import { SAMPLE_WORDS, W, useNlWords } from './words.ts';
import type { NetlinkState } from './store.ts';
import { formatHex, readHex, selectNlActions, useNetlink } from './store.ts';
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
  length: s.bytes.length,
});

/** The editor's height: a line more than the text has, 4 to 12 (counted up to 12, not split). */
export function editorRows(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < 12; i = text.indexOf('\n', i + 1)) lines++;
  return Math.min(12, Math.max(4, lines + 1));
}

/**
 * A pasted dump with long lines (a URL's `hex=`, `xxd -p`, one line of digits) goes in as the
 * editor's lines, 8 bytes each, when it reads as whole bytes. The browser lays a textarea's text
 * out line by line: a keystroke in one 130,000-character line lays all of it out again, one in a
 * line of 8 bytes only that line. Inserted as one edit (insertText), so the browser's undo takes
 * it back in one step; where the browser cannot, the paste goes in as it came.
 */
export function pasteAsLines(e: ClipboardEvent<HTMLTextAreaElement>) {
  const text = e.clipboardData.getData('text/plain');
  const lines = pastedLines(text);
  if (lines !== null && e.currentTarget.ownerDocument.execCommand('insertText', false, lines))
    e.preventDefault();
}

/** What a paste inserts instead of `text`: its bytes as the editor's lines, or null (as it is). */
export function pastedLines(text: string): string | null {
  if (!LONG_LINE.test(text)) return null;
  const r = readHex(text);
  return r.ok ? formatHex(r.bytes) : null;
}
/** A line longer than 4 of the editor's: 32 bytes of digits, or a dump's wide line. */
const LONG_LINE = /[^\n]{97}/;

/**
 * The hex editor's box, uncontrolled: a controlled textarea has React read its value and its
 * defaultValue (its text child) and write the defaultValue on every render — three copies of
 * 130,000+ characters for 64 KiB, and the text child replaced, per keystroke. Here the browser
 * keeps the text as typed, and BufferInputs writes the store's text into it only when it is not
 * what the box holds (a sample, the builder, a URL). Memoised on its few props: a keystroke does
 * not render it.
 */
const HexBox = memo(function HexBox({
  boxRef,
  id,
  describedBy,
  invalid,
  rows,
  onText,
}: {
  boxRef: RefObject<HTMLTextAreaElement | null>;
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
  rows: number;
  onText: (text: string) => void;
}) {
  return (
    <textarea
      ref={boxRef}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      className="mono nl-hex"
      defaultValue=""
      rows={rows}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      onChange={(e) => onText(e.target.value)}
      onPaste={pasteAsLines}
    />
  );
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
  const rows = editorRows(v.hexText);
  // The box's text is the browser's while it is typed in; the store's goes in when it differs.
  const box = useRef<HTMLTextAreaElement>(null);
  const held = useRef<{ el: HTMLTextAreaElement | null; text: string | null }>({ el: null, text: null });
  const onText = useCallback(
    (text: string) => {
      held.current = { el: box.current, text };
      setHex(text);
    },
    [setHex],
  );
  useLayoutEffect(() => {
    const el = box.current;
    // The text just typed (the same string, in the same box) is what it holds: nothing to do.
    if (!el || (held.current.el === el && held.current.text === v.hexText)) return;
    held.current = { el, text: v.hexText };
    if (el.value !== v.hexText) el.value = v.hexText;
  });
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
            <Field
              label={s(W.hex)}
              error={v.hexErrorMsg ? renderText(v.hexErrorMsg, locale) : (v.hexError ?? undefined)}
              hint={s(W.hexHint, { n: v.length })}
              className="nl-hex-field"
            >
              {(a) => (
                <HexBox
                  boxRef={box}
                  id={a.id}
                  describedBy={a['aria-describedby']}
                  invalid={a['aria-invalid']}
                  rows={rows}
                  onText={onText}
                />
              )}
            </Field>
          </Control>
        </fieldset>
      )}
    </LiveForm>
  );
}
