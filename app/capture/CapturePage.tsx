/**
 * `#/capture`: open a pcap/pcapng file (picker or drop), watch it being read in the worker,
 * then its findings, its fragment groups with the model's verdicts (replay in the Reassembly
 * lab, compare with the Fragmentation model), its netlink frames (open in the Netlink lab) and
 * its packets, a page at a time.
 */
import { Fragment, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useStore } from 'zustand';
import { VERDICT_MSG, type WireFacts } from '../../core/ip/index.ts';
import { pcapMsg } from '../../core/pcap/index.ts';
import { TableHead } from '../components/TableHead.tsx';
import { TableRegion } from '../lab-kit/index.ts';
import { num } from '../format.ts';
import { codeChunks, fmt, fmtAll, fmtNode } from '../i18n/format.tsx';
import { MsgText } from '../i18n/MsgText.tsx';
import { CapturePicker } from './CapturePicker.tsx';
import { fragmentHref, msText, netlinkHref, reassembleHref } from './links.ts';
import type { CaptureSummary, ComparisonView, GroupRow, PacketRow } from './protocol.ts';
import { PAGE_SIZE, captureStore } from './store.ts';
import { W } from './words.ts';
import './capture.css';

function Progress() {
  const intl = useIntl();
  const s = useStore(captureStore);
  if (s.status !== 'reading' || !s.progress) return null;
  const p = s.progress;
  return (
    <div className="capture-progress">
      <progress
        max={Math.max(1, p.total)}
        value={p.done}
        data-phase={p.phase}
        aria-label={fmt(intl, W.progressLabel, { phase: p.phase })}
      />
      <p role="status">
        {fmt(intl, W.reading, {
          phase: p.phase,
          name: s.name ?? '',
          done: p.done,
          total: p.total,
          packets: p.packets,
        })}
      </p>
    </div>
  );
}

function Verdict({ a }: { a: GroupRow['arrivals'][number] }) {
  return a.verdict ? <MsgText msg={VERDICT_MSG[a.verdict]} /> : <span className="muted">—</span>;
}

const FIELD_ORDER: (keyof WireFacts)[] = [
  'total_length',
  'payload_length',
  'ihl',
  'df',
  'mf',
  'offset',
  'protocol',
  'options_hex',
  'next_header',
  'frag_next_header',
  'fragment_data_length',
];

const show = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : v === '' ? '—' : String(v);

function Comparison({ c }: { c: ComparisonView }) {
  const intl = useIntl();
  const s = useStore(captureStore);
  const [mtu, setMtu] = useState(String(c.input.mtu));
  const mtuId = useId();
  const differing = c.rows.filter((r) => r.diffs.length).length;
  const fields = FIELD_ORDER.filter((f) =>
    c.rows.some((r) => r.captured?.[f] !== undefined || r.model?.[f] !== undefined),
  );
  const opts = c.input.options.map((b) => b.toString(16).padStart(2, '0')).join('');
  return (
    <section className="capture-compare panel" aria-labelledby={`${mtuId}-h`}>
      <h3 id={`${mtuId}-h`}>{fmt(intl, W.compareTitle, { serial: c.group })}</h3>
      <p>
        {fmt(intl, W.compareInput, {
          len: c.input.sends[0] ?? 0,
          family: c.input.family,
          sock: c.input.sock,
          mtu: c.input.mtu,
          opts: opts || 'none',
        })}{' '}
        <a href={fragmentHref(c.input)}>{fmt(intl, W.compareOpen)}</a>
      </p>
      <p className={c.agree ? 'capture-agree' : 'capture-disagree'} role="status">
        {c.agree ? fmt(intl, W.compareAgree) : fmt(intl, W.compareDisagree, { count: differing })}
      </p>
      {c.notes.map((n, i) => (
        <p key={i} className="muted">
          <MsgText msg={n} />
        </p>
      ))}
      <form
        className="capture-mtu"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(mtu.trim());
          s.compare(c.group, Number.isInteger(n) ? n : -1);
        }}
      >
        <label htmlFor={mtuId}>{fmt(intl, W.compareMtu)}</label>
        <input id={mtuId} inputMode="numeric" value={mtu} onChange={(e) => setMtu(e.target.value)} size={6} />
        <button type="submit" className="share-btn">
          {fmt(intl, W.compareAgain)}
        </button>
      </form>
      <TableRegion labelledBy={`${mtuId}-cap`}>
        <table className="capture-compare-table">
          <caption id={`${mtuId}-cap`}>{fmt(intl, W.compareCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{fmt(intl, W.colWire)}</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  <code>{f}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={r.index} className={r.diffs.length ? 'capture-row-diff' : undefined}>
                <th scope="row">
                  {r.index}
                  {r.packet !== null && <span className="muted"> (#{r.packet + 1})</span>}
                </th>
                {fields.map((f) => {
                  const diff = r.diffs.includes(f as never);
                  return (
                    <td key={f} className={diff ? 'capture-diff' : undefined}>
                      <span className="capture-pair">
                        <span title={fmt(intl, W.colCaptured)}>
                          {show(r.captured?.[f]) || fmt(intl, W.missing)}
                        </span>
                        <span aria-hidden="true" className="capture-sep">
                          {diff ? '≠' : '='}
                        </span>
                        <span title={fmt(intl, W.colModel)}>
                          {show(r.model?.[f]) || fmt(intl, W.missing)}
                        </span>
                      </span>
                      {diff && <span className="visually-hidden"> ({fmt(intl, W.differs)})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <button type="button" className="share-btn" onClick={() => s.closeComparison()}>
        {fmt(intl, W.compareClose)}
      </button>
    </section>
  );
}

function Group({ g }: { g: GroupRow }) {
  const intl = useIntl();
  const s = useStore(captureStore);
  const headId = useId();
  return (
    <section className="capture-group" aria-labelledby={headId}>
      <h3 id={headId} className="mono-key">
        {fmt(intl, W.groupHead, {
          serial: g.serial,
          src: g.src,
          dst: g.dst,
          id: g.id,
          family: g.family,
          protocol: g.protocol,
          count: g.packets.length,
        })}
      </h3>
      <TableRegion labelledBy={`${headId}-cap`}>
        <table>
          <caption id={`${headId}-cap`} className="visually-hidden">
            {fmt(intl, W.groupCaption, { serial: g.serial })}
          </caption>
          <TableHead
            columns={fmtAll(intl, [W.colPacket, W.colTime, W.colRange, W.colMf, W.colVerdict, W.colFunction])}
          />
          <tbody>
            {g.arrivals.map((a, k) => (
              <tr key={k}>
                <td className="num">{num(a.packet + 1)}</td>
                <td className="num">{msText(a.ms - (g.arrivals[0]?.ms ?? 0))}</td>
                <td className="num">
                  [{num(a.offset)}, {num(a.offset + a.length)})
                </td>
                <td>{a.mf ? fmt(intl, W.mfYes) : ''}</td>
                <td>
                  <Verdict a={a} />
                </td>
                <td>{a.fn && <code>{a.fn}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p>
        {g.failed
          ? fmt(intl, W.cannotReplay, { why: g.failed })
          : !g.input
            ? fmt(intl, W.notReplayed)
            : g.delivered !== null
              ? fmt(intl, W.delivered, { bytes: g.delivered })
              : fmt(intl, W.notDelivered)}
      </p>
      {g.diagnostics.map((d, i) => (
        <p key={i} className="muted">
          <MsgText msg={pcapMsg(d.code, d.values)} />
        </p>
      ))}
      <p className="capture-actions">
        {g.input && (
          <a className="share-btn" href={reassembleHref(g.input)}>
            {fmt(intl, W.openReassembly, { serial: g.serial })}
          </a>
        )}
        <button
          type="button"
          className="share-btn"
          aria-expanded={s.comparing === g.serial}
          onClick={() => s.compare(g.serial)}
        >
          {fmt(intl, W.compare, { serial: g.serial })}
        </button>
      </p>
      {s.comparing === g.serial && s.compareError && (
        <p role="alert" className="field-error">
          <MsgText msg={s.compareError} />
        </p>
      )}
      {s.comparing === g.serial && s.comparison?.group === g.serial && <Comparison c={s.comparison} />}
    </section>
  );
}

function info(intl: ReturnType<typeof useIntl>, r: PacketRow): string {
  const out: string[] = [];
  if (r.frag)
    out.push(
      fmt(intl, W.infoFrag, {
        from: r.frag.offset,
        to: r.frag.offset + r.frag.length,
        mf: r.frag.mf ? 'yes' : 'no',
        id: r.ipId ?? 0,
        group: r.frag.group === null ? 'none' : String(r.frag.group),
      }),
    );
  if (r.udp) out.push(fmt(intl, W.infoUdp, { src: r.udp.srcPort, dst: r.udp.dstPort, length: r.udp.length }));
  if (r.netlink)
    out.push(
      fmt(intl, W.infoNetlink, { count: r.netlink.messages, types: r.netlink.types.slice(0, 6).join(', ') }),
    );
  if (r.issues) out.push(fmt(intl, W.infoIssues, { count: r.issues }));
  return out.join('; ');
}

/** Fragment groups per page. */
const GROUP_PAGE = 20;

const KIND: Record<PacketRow['kind'], string> = { ipv4: 'IPv4', ipv6: 'IPv6', netlink: 'netlink', other: '' };

function Packets() {
  const intl = useIntl();
  const s = useStore(captureStore);
  const n = s.summary?.packets ?? 0;
  if (!s.summary || n === 0) return null;
  const to = Math.min(n, s.from + s.rows.length);
  return (
    <section className="panel" aria-labelledby="capture-packets-h">
      <h2 id="capture-packets-h">{fmt(intl, W.packetsTitle)}</h2>
      {n > PAGE_SIZE && (
        <nav className="capture-pager" aria-label={fmt(intl, W.pageNav)}>
          <button
            type="button"
            className="share-btn"
            disabled={s.from === 0}
            onClick={() => s.showRows(s.from - PAGE_SIZE)}
          >
            {fmt(intl, W.prevPage)}
          </button>
          <button
            type="button"
            className="share-btn"
            disabled={s.from + PAGE_SIZE >= n}
            onClick={() => s.showRows(s.from + PAGE_SIZE)}
          >
            {fmt(intl, W.nextPage)}
          </button>
        </nav>
      )}
      <TableRegion size="tall" labelledBy="capture-packets-cap">
        <table className="capture-packets">
          <caption id="capture-packets-cap">
            {fmt(intl, W.packetsCaption, { from: s.rows.length ? s.from + 1 : 0, to, count: n })}
          </caption>
          <TableHead
            columns={fmtAll(intl, [W.colPacket, W.colTime, W.colBytes, W.colProto, W.colFromTo, W.colInfo])}
          />
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.index}>
                <td className="num">{num(r.index + 1)}</td>
                <td className="num">{msText(r.ms)}</td>
                <td className="num">{num(r.caplen)}</td>
                <td>{KIND[r.kind] || <span className="muted">{r.link}</span>}</td>
                <td className="mono">{r.src !== undefined ? `${r.src} → ${r.dst}` : ''}</td>
                <td>{info(intl, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

function Summary() {
  const intl = useIntl();
  const s = useStore(captureStore);
  const c = s.summary;
  // The groups on show, a page at a time (a thousand tables at once would stall the page);
  // a newer capture starts again at its first group.
  const [groupPage, setGroupPage] = useState<{ of: CaptureSummary | null; from: number }>({
    of: null,
    from: 0,
  });
  if (!c) return null;
  const groupFrom = groupPage.of === c ? groupPage.from : 0;
  const links = c.interfaces.map((i) => i.link).join(', ');
  return (
    <>
      <section className="panel" aria-labelledby="capture-file-h">
        <h2 id="capture-file-h" className="capture-name">
          {c.name}
        </h2>
        {c.format === null ? (
          <p role="alert" className="field-error">
            {fmt(intl, W.notACapture)}
          </p>
        ) : (
          <p>
            {fmt(intl, W.fileHead, {
              format: c.format ?? fmt(intl, W.unknownFormat),
              endian: c.endian ?? 'none',
              nsec: c.nanosecond ? 'yes' : 'no',
              packets: c.packets,
              interfaces: links,
            })}
          </p>
        )}
        {c.format !== null && (c.stopped || c.readError || c.bytesRead < c.size) && (
          <p className="capture-partial">{fmt(intl, W.partial, { bytes: c.bytesRead, size: c.size })}</p>
        )}
        {c.readError && (
          <p role="alert" className="field-error">
            <MsgText msg={c.readError} />
          </p>
        )}
        {c.diagnostics.length > 0 && (
          <details className="capture-findings" open={c.diagnostics.some((d) => d.severity === 'error')}>
            <summary>{fmt(intl, W.findings, { count: c.diagnostics.length })}</summary>
            <ul>
              {c.diagnostics.map((d, i) => (
                <li key={i} className={`capture-finding capture-finding--${d.severity}`}>
                  <MsgText msg={pcapMsg(d.code, d.values)} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {c.format !== null && (
        <section className="panel" aria-labelledby="capture-groups-h">
          <h2 id="capture-groups-h">{fmt(intl, W.groupsTitle)}</h2>
          {c.groups.length === 0 && <p>{fmt(intl, W.groupsNone, { count: c.datagrams })}</p>}
          {c.groups.length > GROUP_PAGE && (
            <nav className="capture-pager" aria-label={fmt(intl, W.groupsNav)}>
              <button
                type="button"
                className="share-btn"
                disabled={groupFrom === 0}
                onClick={() => setGroupPage({ of: c, from: Math.max(0, groupFrom - GROUP_PAGE) })}
              >
                {fmt(intl, W.prevGroups)}
              </button>
              <button
                type="button"
                className="share-btn"
                disabled={groupFrom + GROUP_PAGE >= c.groups.length}
                onClick={() => setGroupPage({ of: c, from: groupFrom + GROUP_PAGE })}
              >
                {fmt(intl, W.nextGroups)}
              </button>
              <span role="status">
                {fmt(intl, W.groupsCaption, {
                  from: groupFrom + 1,
                  to: Math.min(c.groups.length, groupFrom + GROUP_PAGE),
                  count: c.groups.length,
                })}
              </span>
            </nav>
          )}
          {c.groups.slice(groupFrom, groupFrom + GROUP_PAGE).map((g) => (
            <Group key={g.serial} g={g} />
          ))}
          {c.groupsLeftOut > 0 && (
            <p className="muted">
              {fmt(intl, W.groupsLeftOut, { count: c.groupsLeftOut, limit: c.groups.length })}
            </p>
          )}
        </section>
      )}
      {c.netlink.length > 0 && (
        <section className="panel" aria-labelledby="capture-netlink-h">
          <h2 id="capture-netlink-h">{fmt(intl, W.netlinkTitle)}</h2>
          <TableRegion labelledBy="capture-netlink-cap">
            <table>
              <caption id="capture-netlink-cap" className="visually-hidden">
                {fmtNode(intl, W.netlinkCaption, { code: codeChunks })}
              </caption>
              <TableHead
                columns={fmtAll(intl, [W.colPacket, W.colFamily, W.colBytes, W.colMessages, W.colOpen])}
              />
              <tbody>
                {c.netlink.map((r) => {
                  const href = netlinkHref(r);
                  return (
                    <tr key={r.packet}>
                      <td className="num">{num(r.packet + 1)}</td>
                      <td>{r.family}</td>
                      <td className="num">{num(r.length)}</td>
                      <td>
                        {r.types.slice(0, 8).map((t, i) => (
                          <Fragment key={i}>
                            {i > 0 && ' '}
                            <code className="capture-type">{t}</code>
                          </Fragment>
                        ))}
                        {r.types.length > 8 && '…'}
                      </td>
                      <td>
                        {href ? (
                          <a href={href}>{fmt(intl, W.openNetlink, { packet: r.packet + 1 })}</a>
                        ) : (
                          <span className="muted">{fmt(intl, W.netlinkTooBig)}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          {c.netlinkLeftOut > 0 && (
            <p className="muted">{fmt(intl, W.netlinkLeftOut, { count: c.netlinkLeftOut })}</p>
          )}
        </section>
      )}
    </>
  );
}

export function CapturePage() {
  const intl = useIntl();
  const s = useStore(captureStore);
  return (
    <div className="capture-page">
      <section className="panel capture-open" aria-labelledby="capture-h">
        <h1 id="capture-h">{fmt(intl, W.title)}</h1>
        <p className="lede">{fmtNode(intl, W.lede, { code: codeChunks })}</p>
        <div className="capture-drop">
          <CapturePicker className="capture-choose">{fmt(intl, W.choose)}</CapturePicker>
          <span className="muted">{fmtNode(intl, W.dropHint, { code: codeChunks })}</span>
        </div>
        <p className="muted">{fmtNode(intl, W.exercise, { code: codeChunks })}</p>
        <Progress />
        {s.status === 'failed' && s.error && (
          <div role="alert" className="banner capture-error">
            <p className="banner-title">{fmt(intl, W.failedTitle, { name: s.name ?? '' })}</p>
            <p>
              <MsgText msg={s.error} />
            </p>
            {s.summary && <p>{fmt(intl, W.stillShowing, { name: s.summary.name })}</p>}
          </div>
        )}
      </section>
      <Summary />
      <Packets />
    </div>
  );
}

export default CapturePage;
