import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLater } from '../../lab-kit/useLater.ts';
import { useShallow } from 'zustand/react/shallow';
import { errnoMsg, nlmsgMacros } from '../../../core/netlink/index.ts';
import { formatMsg } from '../../../core/i18n/index.ts';
import { useLocale } from '../../i18n/locale.ts';
import type { NlMessage } from '../../../core/netlink/index.ts';
import { LAB_NAMES } from '../names.ts';
import { W, useNlWords } from './words.ts';
import { IssuesBanner, KIT_WORDS, LabShell, Panel, Part, useEmbedView } from '../../lab-kit/index.ts';
import type { LabIntro } from '../../lab-kit/index.ts';
import { allDiagnostics, selectNlActions, useNetlink } from './store.ts';
import type { NetlinkState } from './store.ts';
import { BitLayout, PAINT_LABEL, paintOf } from './BitLayout.tsx';
import type { Paint } from './BitLayout.tsx';
import { Builder } from './Builder.tsx';
import { BufferInputs } from './BufferInputs.tsx';
import { ByteGrid } from './ByteGrid.tsx';
import { Diagnostics } from './Diagnostics.tsx';
import { HighlightContext } from './highlight.ts';
import type { Highlight, HighlightApi } from './highlight.ts';
import { indexBuffer, keepSameFields } from './layout.ts';
import type { LeafField } from './layout.ts';
import { Macros, Walk } from './MacrosWalk.tsx';
import { Msghdr } from './Msghdr.tsx';
import { Splitter } from './Splitter.tsx';
import { FieldsTable, MessagesTable } from './Tables.tsx';
import './netlink.css';

const selectModel = (s: NetlinkState) => s;
const selectView = (s: NetlinkState) => ({
  bytes: s.bytes,
  result: s.result,
  selected: s.selected,
  walk: s.walk,
  family: s.family,
  endian: s.endian,
  hexError: s.hexError,
  builderIssues: s.builderIssues,
  issues: s.issues,
  modelError: s.modelError,
  split: s.split,
  splitResult: s.splitResult,
  splitIssues: s.splitIssues,
  msghdr: s.msghdr,
  msghdrResult: s.msghdrResult,
  msghdrIssue: s.msghdrIssue,
  truncated: s.truncated,
});

/** Where a message's bytes end: at least a header, then its padding (plain number arithmetic: no 32-bit wrap). */
const extentEnd = (m: NlMessage) => m.offset + Math.max(16, m.len) + m.padding;

const PAINTS: readonly Paint[] = ['hdr', 'fam', 'err', 'echo', 'attr', 'payload', 'pad'];

/**
 * The views of the whole buffer below the diagram (issue 17): given the decode a frame late
 * (useLater), they skip the edit's own render, so a keystroke in a 64 KiB buffer paints
 * the selected message first and these in the render after it (which typing can interrupt).
 */
const LaterDiagnostics = memo(Diagnostics);
const LaterMessagesTable = memo(MessagesTable);
const LaterMacros = memo(Macros);
const LaterWalk = memo(Walk);
/** The builder's rows are made for the model it is given (deriveNetlink): a render late too. */
const LaterBuilder = memo(Builder);
/** Tools that do not read the buffer's bytes (the msghdr only its length): an edit passes them by. */
const QuietSplitter = memo(Splitter);
const QuietMsghdr = memo(Msghdr);

export function NetlinkLab() {
  const { t, s } = useNlWords();
  const locale = useLocale();
  const intro: LabIntro = { eyebrow: t(W.eyebrow), title: s(LAB_NAMES.netlink.title), lede: t(W.lede) };
  /** The banner speaks of the buffer; URL problems do not stop it (no "last good state" for them). */
  const bannerWords = {
    ...KIT_WORDS,
    bannerModel: s(W.bannerModel),
    bannerUrl: (n: number) => s(W.bannerUrl, { n }),
  };

  const v = useNetlink(useShallow(selectView));
  // The whole model, for the views that may be a render late (below).
  const model = useNetlink(selectModel);
  const a = useNetlink(useShallow(selectNlActions));
  const [hl, setHl] = useState<Highlight | null>(null);
  const [revealed, setRevealed] = useState<HighlightApi['revealed']>(null);
  const reveal = useCallback((from: number, to: number) => {
    setHl({ key: null, from, to });
    setRevealed((r) => ({ from, to, n: (r?.n ?? 0) + 1 }));
  }, []);
  const ctx = useMemo(() => ({ hl, setHl, reveal, revealed }), [hl, reveal, revealed]);

  const { bytes, result, selected } = v;
  const index = useMemo(() => indexBuffer(result, bytes.length), [result, bytes.length]);
  const message = result.messages[selected];
  // The byte grid's leaf fields of the message (made once for both). Fields an edit left as they
  // were stay the same objects (keepSameFields), so the diagram's and the table's rows skip them.
  const fieldsBefore = useRef<LeafField[]>([]);
  const fields = useMemo(() => {
    const next = message ? keepSameFields(fieldsBefore.current, index.leaves(selected)) : [];
    fieldsBefore.current = next;
    return next;
  }, [message, index, selected]);
  const range = message ? { from: message.offset, to: Math.min(bytes.length, extentEnd(message)) } : null;
  // The model as the views below the diagram see it: the one before an edit until it has painted.
  // The builder's rows are made when first read (deriveNetlink), so in the render after the edit's.
  const laterModel = useLater(model);
  const later = laterModel.result;
  const laterLength = laterModel.bytes.length;
  const laterMessage = later.messages[selected];
  const diagnostics = useMemo(() => allDiagnostics(later), [later]);
  const macros = useMemo(() => (laterMessage ? nlmsgMacros(laterMessage) : {}), [laterMessage]);
  const messageAt = useCallback(
    (o: number) => {
      const i = later.messages.findIndex((m) => o >= m.offset && o < extentEnd(m));
      return i >= 0 ? i : null;
    },
    [later],
  );

  // The builder shows the item at the selected message's offset (items may be raw chunks).
  const itemOffsets = laterModel.builderLayout;
  const [current, setCurrent] = useState<number>(-1);
  const shownMessage = later.messages[laterModel.selected];
  const fromSelection = shownMessage ? itemOffsets.offsets.get(shownMessage.offset) : undefined;
  useEffect(() => {
    if (fromSelection !== undefined) setCurrent(fromSelection);
  }, [fromSelection]);
  const selectNl = a.selectMessage;
  const onCurrent = useCallback(
    (id: number) => {
      setCurrent(id);
      for (const [off, itemId] of itemOffsets.offsets) {
        if (itemId !== id) continue;
        const m = later.messages.findIndex((x) => x.offset === off);
        if (m >= 0) selectNl(m);
      }
    },
    [itemOffsets, later, selectNl],
  );

  const selectMessage = useCallback(
    (i: number) => {
      selectNl(i);
      const m = later.messages[i];
      if (m) setRevealed((r) => ({ from: m.offset, to: m.offset + m.len, n: (r?.n ?? 0) + 1 }));
    },
    [selectNl, later],
  );

  const stale = v.hexError !== null || v.builderIssues.length > 0;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const types = new Map<string, number>();
  for (const m of result.messages) types.set(m.typeName, (types.get(m.typeName) ?? 0) + 1);
  const paints = new Set(fields.map(paintOf));
  // Embed views (issue 16): the diagram keeps the layout and the message stepper; compact adds the result.
  const { view } = useEmbedView();
  const showResult = view !== 'diagram';

  return (
    <HighlightContext.Provider value={ctx}>
      <LabShell
        className="nl-lab"
        intro={intro}
        inputsLabel={s(W.inputsLabel)}
        inputs={<BufferInputs />}
        banner={
          <>
            <IssuesBanner
              issues={v.issues}
              stale={false}
              modelError={v.modelError}
              fieldName={(f) => <span className="mono">{f}=</span>}
              onDismiss={v.issues.length > 0 ? a.dismissIssues : undefined}
              words={bannerWords}
            />
            {stale && (
              <div className="banner" role="status">
                <p className="banner-title">{v.hexError ? t(W.staleHex) : t(W.staleBuilder)}</p>
              </div>
            )}
          </>
        }
        diagram={
          <Panel
            titleId="nl-layout-title"
            title={
              message
                ? t(W.messageOf, { n: selected + 1, total: result.messages.length, type: message.typeName })
                : t(W.noMessage)
            }
            stale={stale}
            head={
              <Part kind="playback">
                <div className="step-nav" role="group" aria-label={s(W.chooseMessage)}>
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectMessage(selected - 1)}
                    disabled={selected <= 0}
                  >
                    {t(W.prevMessage)}
                  </button>
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectMessage(selected + 1)}
                    disabled={selected >= result.messages.length - 1}
                  >
                    {t(W.nextMessage)}
                  </button>
                </div>
              </Part>
            }
          >
            {showResult && message && message.error && (
              <p className={`nl-error-line ${message.error.errno === 0 ? 'nl-ok' : 'nl-bad'}`}>
                {message.error.errno === 0
                  ? t(W.ack)
                  : t(W.errno, {
                      errno: message.error.errno,
                      name: message.error.name,
                      // strerror(3) in the page's language ("Unknown error N" past the ones it knows).
                      strerror: formatMsg(errnoMsg(Math.abs(message.error.errno)), locale),
                    })}
              </p>
            )}
            <div className="nl-views">
              <figure className="nl-figure">
                <figcaption className="sub-title">{t(W.bitLayout)}</figcaption>
                {message ? (
                  <BitLayout message={message} fields={fields} />
                ) : (
                  <p className="nl-note">{t(W.nothingToDraw)}</p>
                )}
              </figure>
              {view === 'full' && (
                <figure className="nl-figure">
                  <figcaption className="sub-title">{t(W.bytesInMemory, { endian: v.endian })}</figcaption>
                  <ByteGrid
                    bytes={bytes}
                    at={index.at}
                    selected={selected}
                    range={range}
                    onSelectMessage={selectMessage}
                  />
                </figure>
              )}
            </div>
            <ul className="legend" aria-label={s(W.colourKey)}>
              {PAINTS.filter((p) => paints.has(p)).map((p) => (
                <li key={p}>
                  <span className={`swatch nl-swatch--${p}`} aria-hidden="true" />
                  {t(PAINT_LABEL[p])}
                </li>
              ))}
            </ul>
            <Part kind="tables">
              {message && <FieldsTable index={selected} message={message} fields={fields} bytes={bytes} />}
            </Part>
          </Panel>
        }
      >
        <Part kind="result">
          <Panel titleId="nl-result-title" title={t(W.resultTitle)} className="result" stale={stale}>
            <p className="summary-line">
              {t(W.summary, { bytes: bytes.length, messages: result.messages.length })}
              {types.size > 0 && (
                <span className="muted">
                  {' '}
                  ({[...types].map(([ty, n]) => (n > 1 ? s(W.typeCount, { n, type: ty }) : ty)).join(', ')})
                </span>
              )}
              {v.truncated && <span className="nl-badge">MSG_TRUNC</span>}
            </p>
            <LaterDiagnostics
              diagnostics={diagnostics}
              messageAt={messageAt}
              onSelectMessage={selectMessage}
            />
            {errors > 0 && <p className="visually-hidden">{t(W.errors, { n: errors })}</p>}
          </Panel>
        </Part>

        <Part kind="tables">
          <Panel titleId="nl-msgs-title" title={t(W.everyMessage)} stale={stale}>
            <LaterMessagesTable messages={later.messages} selected={selected} onSelect={selectMessage} />
          </Panel>
        </Part>

        {/* The detail panels a Part each: one InTurns turn each (a turn for all four was one long task). */}
        <Part kind="detail">
          <Panel titleId="nl-macros-title" title={t(W.macrosTitle)} stale={stale}>
            <div className="nl-macro-grid">
              <div>
                {/* No "For message 1" over "No message.": the heading names a message that exists. */}
                {laterMessage && <h3 className="sub-title">{t(W.forMessage, { n: selected + 1 })}</h3>}
                {laterMessage ? (
                  <LaterMacros macros={macros} message={laterMessage} />
                ) : (
                  <p className="nl-note">{t(W.noMessageShort)}</p>
                )}
              </div>
              <div>
                <h3 className="sub-title">{t(W.walking)}</h3>
                <LaterWalk walk={later.walk} total={laterLength} step={v.walk} onStep={a.selectWalk} />
              </div>
            </div>
          </Panel>
        </Part>

        <Part kind="detail">
          <Panel titleId="nl-builder-title" title={t(W.builderTitle)}>
            <LaterBuilder
              items={laterModel.builder}
              current={current}
              onCurrent={onCurrent}
              family={laterModel.family}
              issues={laterModel.builderIssues}
              lengths={itemOffsets.lengths}
              onChange={a.editBuilder}
            />
          </Panel>
        </Part>

        <Part kind="detail">
          <Panel titleId="nl-split-title" title={t(W.splitTitle)}>
            <QuietSplitter
              fields={v.split}
              result={v.splitResult}
              issues={v.splitIssues}
              onChange={a.setSplit}
              onOpen={a.openSplit}
            />
          </Panel>
        </Part>

        <Part kind="detail">
          <Panel titleId="nl-msghdr-title" title={t(W.msghdrTitle)}>
            <QuietMsghdr
              fields={v.msghdr}
              layout={v.msghdrResult}
              issue={v.msghdrIssue}
              onChange={a.setMsghdr}
            />
          </Panel>
        </Part>
      </LabShell>
    </HighlightContext.Provider>
  );
}
