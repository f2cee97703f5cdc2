/**
 * What sendmsg/recvmsg really take: struct msghdr pointing at an iovec[] (each iovec at a piece of
 * the buffer) and at the control buffer, cut into cmsghdr + data + CMSG_ALIGN padding. Sizes and
 * offsets are the core's (x86-64); drawn as HTML boxes so it reflows at 360 px.
 */
import type { NlMsghdrLayout } from '../../../core/netlink/index.ts';
import { Field, FieldError, LiveForm } from '../../components/Field.tsx';
import { num } from '../../format.ts';
import { TermText } from '../../lab-kit/Term.tsx';
import type { CmsgField, MsghdrFields } from './store.ts';
import type { NetlinkDerived } from './buffer.ts';
import { W, useNlWords } from './words.ts';
import { MW } from './msghdr-words.ts';

const CMSG_CHOICES: readonly CmsgField[] = [
  { level: 'SOL_SOCKET', type: 'SCM_RIGHTS', len: '8' },
  { level: 'SOL_SOCKET', type: 'SCM_CREDENTIALS', len: '12' },
  { level: 'SOL_NETLINK', type: 'NETLINK_PKTINFO', len: '4' },
  { level: 'SOL_NETLINK', type: 'NETLINK_LISTEN_ALL_NSID', len: '4' },
];

export function Msghdr({
  fields,
  layout,
  issue,
  onChange,
}: {
  fields: MsghdrFields;
  layout: NlMsghdrLayout | null;
  issue: NetlinkDerived['msghdrIssue'];
  onChange: (p: Partial<MsghdrFields>) => void;
}) {
  const { t, s: str } = useNlWords();
  const structs = layout?.structs ?? [];
  const msghdr = structs.find((s) => s.name === 'msghdr' || s.name.startsWith('struct msghdr')) ?? structs[0];
  const iovecs = structs.filter((s) => /iovec|iov\[/.test(s.name));
  const others = structs.filter((s) => s !== msghdr && !iovecs.includes(s));
  return (
    <div className="nl-msghdr">
      <LiveForm className="nl-msghdr-form" label={str(W.msghdrForm)}>
        {/* The lengths' error is the field's own: marked invalid and read with it (aria-describedby). */}
        <Field label={t(W.iov)} error={issue?.field === 'iov' ? issue.msg : undefined} hint={t(W.iovHint)}>
          {(a) => (
            <input
              {...a}
              className="mono"
              value={fields.iov}
              placeholder={str(W.iovPlaceholder)}
              onChange={(e) => onChange({ iov: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="nl-cmsg-pick">
          <legend className="field-label">{t(W.cmsgs)}</legend>
          {CMSG_CHOICES.map((c) => {
            const on = fields.cmsgs.some((x) => x.type === c.type);
            return (
              <label key={c.type} className="nl-flag">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) =>
                    onChange({
                      cmsgs: e.target.checked
                        ? [...fields.cmsgs, c]
                        : fields.cmsgs.filter((x) => x.type !== c.type),
                    })
                  }
                />
                <span className="mono">{c.type}</span>
                <span className="nl-flag-bit">{c.len} B</span>
              </label>
            );
          })}
        </fieldset>
      </LiveForm>
      {issue && issue.field !== 'iov' && <FieldError msg={issue.msg} />}
      {layout && msghdr && (
        <div className="nl-msghdr-diagram" role="group" aria-label={str(W.msghdrDiagram)}>
          <StructBox s={msghdr} className="nl-box--msghdr" />
          <div className="nl-msghdr-right">
            <div className="nl-arrow-label">msg_iov →</div>
            <div className="nl-iovs">
              {iovecs.map((s) => (
                <StructBox key={s.name} s={s} className="nl-box--iov" />
              ))}
            </div>
            <div className="nl-arrow-label">{t(W.controlLen, { n: num(layout.controllen) })}</div>
            <ol className="nl-control" aria-label={str(W.controlBuffer)}>
              {layout.cmsgs.map((c, i) => {
                const f = fields.cmsgs[i];
                return (
                  <li key={i} className="nl-cmsg" style={{ flexGrow: c.space }}>
                    <span className="nl-cmsg-hdr">
                      cmsghdr <span className="muted">16 B</span>
                    </span>
                    <span className="nl-cmsg-data">
                      {f ? `${f.type}` : t(W.cmsgData)} <span className="muted">{num(c.len - 16)} B</span>
                    </span>
                    {c.space > c.len && (
                      <span className="nl-cmsg-pad">{t(W.cmsgPad, { n: num(c.space - c.len) })}</span>
                    )}
                    <span className="nl-cmsg-facts mono">
                      @{num(c.offset)} · CMSG_LEN {num(c.len)} · CMSG_SPACE {num(c.space)}
                    </span>
                  </li>
                );
              })}
              {layout.cmsgs.length === 0 && <li className="nl-note">{t(W.noCmsgs)}</li>}
            </ol>
            {others.map((s) => (
              <StructBox key={s.name} s={s} className="nl-box--other" />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** A row's name and value as the page's language says them (core writes a few in English). */
function useShown() {
  const { s: str } = useNlWords();
  return {
    name: (name: string) =>
      name === '(padding)' ? str(MW.padding) : name === 'data' ? str(W.cmsgData) : name,
    value: (value: string) => {
      if (value === '0 (the kernel)') return str(MW.kernelPid);
      const bytes = /^(\d+) bytes$/.exec(value);
      return bytes ? str(MW.dataBytes, { n: Number(bytes[1]) }) : value;
    },
  };
}

function StructBox({ s, className }: { s: NlMsghdrLayout['structs'][number]; className: string }) {
  const shown = useShown();
  return (
    <table className={`nl-box ${className}`}>
      <caption>
        <span className="mono">
          <TermText text={s.name} lookup={s.name.replace(/^struct /, '').replace(/\[.*$/, '')} />
        </span>{' '}
        <span className="muted">{num(s.size)} B</span>
      </caption>
      <tbody>
        {s.fields.map((f) => (
          // Two "(padding)" rows in struct msghdr: the offset is what tells fields apart.
          <tr key={`${f.offset}:${f.name}`}>
            <th scope="row" className="mono">
              <span className="nl-box-off">+{f.offset}</span> <TermText text={shown.name(f.name)} />
            </th>
            <td className="mono">{shown.value(f.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
