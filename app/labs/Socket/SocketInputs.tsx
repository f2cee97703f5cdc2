import { useShallow } from 'zustand/react/shallow';
import { MsgText } from '../../i18n/MsgText.tsx';
import {
  AF,
  DEFAULT_PROFILE,
  SOCK,
  parseDomain,
  parseProtocol,
  parseType,
  protocolChoices,
  protocolNamespace,
} from '../../../core/socket/index.ts';
import type { ProtocolNamespace } from '../../../core/socket/index.ts';
import {
  Control,
  Part,
  PresetPanel,
  fieldsPresetChips,
  issueTextOf,
  useControl,
  useEmbedView,
} from '../../lab-kit/index.ts';
import type { SocketFieldName } from './params.ts';
import { selectSocketActions, selectSocketFields, selectSocketIssues, useSocket } from './store.ts';
import type { SocketState } from './store.ts';
import { socketPresetWords } from './presets.ts';
import type { SocketPreset } from './presets.ts';
import { SymbolPicker } from './SymbolPicker.tsx';
import type { PickerOption } from './SymbolPicker.tsx';
import { SegmentedField, notedOptions } from '../../components/Segmented.tsx';
import { FieldError, LiveForm } from '../../components/Field.tsx';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { SOCKET_WORDS as W } from './words.ts';
import type { Text } from '../../../core/i18n/index.ts';

const selectFormView = (s: SocketState) => ({ fields: selectSocketFields(s), issues: selectSocketIssues(s) });

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/** The families, those this kernel registers first (the others end in EAFNOSUPPORT). */
const DOMAIN_OPTIONS: readonly PickerOption[] = (() => {
  const all = Object.entries(AF).map(([name, value]) => ({ name, value }));
  const here = new Set(DEFAULT_PROFILE.families);
  return [
    ...all.filter((o) => here.has(o.value)).map((o) => ({ ...o, group: 'here' })),
    ...all.filter((o) => !here.has(o.value)).map((o) => ({ ...o, group: 'elsewhere' })),
  ];
})();

const TYPE_OPTIONS: readonly PickerOption[] = Object.entries(SOCK).map(([name, value]) => ({ name, value }));

function protocolOptions(domain: number | null): PickerOption[] {
  const choices = protocolChoices(domain ?? AF.AF_UNSPEC);
  const ns = domain === null ? 'none' : protocolNamespace(domain);
  return choices.map((c) => ({
    ...c,
    label:
      ns === 'ethertype' && c.value !== 0 ? `${c.name} = ${hex(c.value)}` : c.name === '0' ? '0' : undefined,
  }));
}

const PROTOCOL_HINT: Record<ProtocolNamespace, MessageDescriptor> = {
  ipproto: W.hintIpproto,
  netlink: W.hintNetlink,
  ethertype: W.hintEthertype,
  unix: W.hintUnix,
  vsock: W.hintVsock,
  none: W.hintNone,
};

/** Text never translated (kernel names), kept out of JSX literals. */
const verbatim = (...parts: string[]): string => parts.join('');

const valueOrNull = (r: { ok: true; value: number } | { ok: false }) => (r.ok ? r.value : null);

/** The socket() call a preset sets (the operation and level stay as the student picked them). */
const callKey = (f: SocketPreset['fields']) =>
  [f.domain, f.type, f.protocol, f.nonblock, f.cloexec, f.priv].join(' ');

export function SocketInputs() {
  const intl = useIntl();
  const txt = (d: MessageDescriptor) => intl.formatMessage(d);
  const { fields, issues } = useSocket(useShallow(selectFormView));
  const domainOptions = DOMAIN_OPTIONS.map((o) => ({
    ...o,
    group: o.group === 'here' ? fmt(intl, W.inKernel, { kernel: DEFAULT_PROFILE.id }) : txt(W.notInKernel),
  }));
  const { setField, setFields } = useSocket(useShallow(selectSocketActions));
  const err = (f: SocketFieldName) => issueTextOf(issues, f);
  // One argument of socket(): its label (the argument's name), the text typed and its error.
  const picker = (f: 'domain' | 'type' | 'protocol', other: MessageDescriptor, placeholder: string) => ({
    label: txt(W[f]),
    otherLabel: txt(other),
    placeholder,
    text: fields[f],
    error: err(f),
  });
  const flag = (f: 'nonblock' | 'cloexec') => ({
    checked: fields[f] === '1',
    error: err(f),
    onChange: (on: boolean) => setField(f, on ? '1' : '0'),
  });
  const domain = valueOrNull(parseDomain(fields.domain));
  const ns = domain === null ? 'none' : protocolNamespace(domain);
  // Embed views (lab kit): which inputs this view shows (all of them outside an embed).
  const full = useEmbedView().view === 'full';
  const showDomain = useControl('domain');
  const showType = useControl('type');
  const showProtocol = useControl('protocol');
  const showNonblock = useControl('nonblock');
  const showCloexec = useControl('cloexec');
  const showFlags = showNonblock || showCloexec;

  return (
    <LiveForm className="inputs" label={txt(W.formLabel)}>
      <Part kind="presets">
        <PresetPanel
          titleId="sk-presets-title"
          title={txt(W.presets)}
          presets={fieldsPresetChips(
            socketPresetWords((d, values) => intl.formatMessage(d, values)),
            fields,
            callKey,
            setFields,
          )}
        />
      </Part>

      {(showDomain || showType || showProtocol || showFlags) && (
        <fieldset className="panel">
          <legend className="panel-title">
            <code>{verbatim('socket(domain, type, protocol)')}</code>
          </legend>
          {showDomain && (
            <SymbolPicker
              {...picker('domain', W.domainOther, 'AF_INET or 2')}
              options={domainOptions}
              valueOf={(t) => valueOrNull(parseDomain(t))}
              onChange={(text) => {
                // The protocol's names follow the domain: one the new domain cannot read goes back to 0.
                const d = parseDomain(text);
                const keep = !d.ok || parseProtocol(d.value, fields.protocol).ok;
                setFields(keep ? { domain: text } : { domain: text, protocol: '0' });
              }}
            />
          )}
          {showType && (
            <SymbolPicker
              {...picker('type', W.typeOther, 'SOCK_STREAM, 1 or SOCK_STREAM|0x100')}
              options={TYPE_OPTIONS}
              valueOf={(t) => valueOrNull(parseType(t))}
              onChange={(text) => setField('type', text)}
            />
          )}
          {showFlags && (
            <div className="sk-flags" role="group" aria-label={txt(W.typeFlags)}>
              <FlagCheck {...flag('nonblock')} label="SOCK_NONBLOCK" />
              <FlagCheck {...flag('cloexec')} label="SOCK_CLOEXEC" />
            </div>
          )}
          {showProtocol && (
            <SymbolPicker
              {...picker('protocol', W.protocolOther, '0, 17 or IPPROTO_UDP')}
              options={protocolOptions(domain)}
              valueOf={(t) => (domain === null ? null : valueOrNull(parseProtocol(domain, t)))}
              hint={full ? fmtNode(intl, PROTOCOL_HINT[ns], { code: codeChunks }) : undefined}
              onChange={(text) => setField('protocol', text)}
            />
          )}
        </fieldset>
      )}

      <Control name="priv">
        <fieldset className="panel">
          <legend className="panel-title">{txt(W.callerKernel)}</legend>
          <SegmentedField
            id="sk-priv-label"
            title={txt(W.privilege)}
            name="sk-priv"
            error={err('priv')}
            hint={fmtNode(intl, fields.priv === 'user' ? W.privUser : W.privRoot, { code: codeChunks })}
            options={notedOptions([
              ['root', 'root', txt(W.allCaps)],
              ['user', 'user', txt(W.noCaps)],
            ])}
            value={fields.priv}
            onChange={(v) => setField('priv', v)}
          />
          <div className="sk-kernel">
            <p className="sk-kernel-name">
              {fmtNode(intl, W.kernel, {
                id: DEFAULT_PROFILE.id,
                code: (c: ReactNode[]) => <strong className="mono">{c}</strong>,
              })}
            </p>
            <p className="field-hint">
              <MsgText msg={DEFAULT_PROFILE.description} />
            </p>
          </div>
        </fieldset>
      </Control>
    </LiveForm>
  );
}

function FlagCheck(props: {
  label: string;
  checked: boolean;
  error: Text | undefined;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className={`check${props.error ? ' field--error' : ''}`}>
      <label>
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
        <span className="mono">{props.label}</span>
      </label>
      <FieldError msg={props.error} />
    </div>
  );
}
