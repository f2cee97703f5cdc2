/**
 * The Socket lab's words (SocketLab, SocketSummary, SocketInputs, CallPath), in the catalogs. The
 * model's own sentences (trace steps, errno reasons, the inetsw walk) are core/socket's messages.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const SOCKET_WORDS = defineMessages({
  eyebrow: { id: 'lab.socket.intro.eyebrow', defaultMessage: 'Lab · <code>net/socket.c → pf->create</code>' },
  lede: {
    id: 'lab.socket.intro.lede',
    defaultMessage:
      'Call <code>socket(domain, type, protocol)</code> and follow <code>__sock_create</code> into the family’s create function and the <code>inetsw</code> walk, to the <code>proto_ops</code> and <code>proto</code> tables — or to the errno and the line that returns it. Then send a call through those tables.',
  },
  callPath: { id: 'lab.socket.path.title', defaultMessage: 'Call path' },
  tablesTitle: { id: 'lab.socket.tables.title', defaultMessage: 'Function tables and dispatch' },
  noSocket: {
    id: 'lab.socket.tables.noSocket',
    defaultMessage:
      '<code>socket()</code> failed with <code>{errno}</code>: there is no socket, so no <code>proto_ops</code> or <code>proto</code> table to dispatch through. Pick a call that succeeds (a preset such as TCP or UDP).',
  },
  enterValid: {
    id: 'lab.socket.enterValid',
    defaultMessage: 'Enter a valid call to see what the kernel does with it.',
  },
  fieldOp: { id: 'lab.socket.field.op', defaultMessage: 'Operation' },
  fieldLevel: { id: 'lab.socket.field.level', defaultMessage: 'Option level' },
  fieldStep: { id: 'lab.socket.field.step', defaultMessage: 'Step' },
  // SocketSummary
  resultTitle: { id: 'lab.socket.result.title', defaultMessage: 'Socket result' },
  asWho: {
    id: 'lab.socket.result.asWho',
    defaultMessage: 'as {who, select, root {root} other {a user without capabilities}} on {kernel}',
  },
  created: {
    id: 'lab.socket.result.created',
    defaultMessage:
      '<code>socket()</code> returns a new file descriptor{mode, select, none {} other { opened with <code>{mode}</code>}}. The socket has <code>sock->ops = {ops}</code> and <code>sk->sk_prot = {prot}</code>{display, select, none {} other { (“{display}” in <code>/proc/net/protocols</code>)}}.',
  },
  readBackLabel: { id: 'lab.socket.result.readBackLabel', defaultMessage: 'getsockopt read-back' },
  readBack: {
    id: 'lab.socket.result.readBack',
    defaultMessage:
      '<code>getsockopt</code> reads back domain {domain} (<code>{domainName}</code>), type {type} (<code>{typeName}</code>) and protocol {protocol} (<code>{protocolName}</code>).{changed, select, yes { The kernel changed what was asked for: see the call path.} other {}}',
  },
  detailsLabel: { id: 'lab.socket.result.details', defaultMessage: 'What the create function set' },
  fails: { id: 'lab.socket.result.fails', defaultMessage: '<code>socket()</code> fails' },
  errnoLine: { id: 'lab.socket.result.errnoLine', defaultMessage: 'errno {n} · {text}' },
  returnedBy: {
    id: 'lab.socket.result.returnedBy',
    defaultMessage: '<code>socket()</code> returns −1 with errno <code>{errno}</code>, returned by {fn}',
  },
  why: { id: 'lab.socket.result.why', defaultMessage: 'Why: {why}' },
  // SocketInputs
  formLabel: { id: 'lab.socket.input.form', defaultMessage: 'Socket call' },
  presets: { id: 'lab.socket.input.presets', defaultMessage: 'Presets' },
  domain: { id: 'lab.socket.input.domain', defaultMessage: 'Domain' },
  domainOther: { id: 'lab.socket.input.domainOther', defaultMessage: 'Domain, by name or number' },
  type: { id: 'lab.socket.input.type', defaultMessage: 'Type' },
  typeOther: { id: 'lab.socket.input.typeOther', defaultMessage: 'Type, by name or number' },
  typeFlags: { id: 'lab.socket.input.typeFlags', defaultMessage: 'Type flags' },
  protocol: { id: 'lab.socket.input.protocol', defaultMessage: 'Protocol' },
  protocolOther: { id: 'lab.socket.input.protocolOther', defaultMessage: 'Protocol, by name or number' },
  callerKernel: { id: 'lab.socket.input.callerKernel', defaultMessage: 'Caller and kernel' },
  privilege: { id: 'lab.socket.input.privilege', defaultMessage: 'Privilege' },
  privUser: {
    id: 'lab.socket.input.privUser',
    defaultMessage: 'uid and gid 65534, no supplementary groups, no <code>CAP_NET_RAW</code>.',
  },
  privRoot: {
    id: 'lab.socket.input.privRoot',
    defaultMessage:
      'uid 0 with <code>CAP_NET_RAW</code>, <code>CAP_NET_ADMIN</code> and <code>CAP_NET_BIND_SERVICE</code>.',
  },
  allCaps: { id: 'lab.socket.input.allCaps', defaultMessage: 'all capabilities' },
  noCaps: { id: 'lab.socket.input.noCaps', defaultMessage: 'no capabilities' },
  kernel: {
    id: 'lab.socket.input.kernel',
    defaultMessage: 'Kernel: <code>{id}</code> (the fixtures’ kernel)',
  },
  inKernel: { id: 'lab.socket.input.inKernel', defaultMessage: 'In {kernel}' },
  notInKernel: { id: 'lab.socket.input.notInKernel', defaultMessage: 'Not in this kernel' },
  hintIpproto: {
    id: 'lab.socket.input.hint.ipproto',
    defaultMessage:
      '<code>IPPROTO_*</code> for inet and inet6; 0 asks <code>inetsw[type]</code> for its default.',
  },
  hintNetlink: {
    id: 'lab.socket.input.hint.netlink',
    defaultMessage: '<code>NETLINK_*</code> (0 is <code>NETLINK_ROUTE</code>).',
  },
  hintEthertype: {
    id: 'lab.socket.input.hint.ethertype',
    defaultMessage:
      'An ethertype in network byte order: <code>htons(ETH_P_*)</code>, or 0 to receive nothing yet.',
  },
  hintUnix: {
    id: 'lab.socket.input.hint.unix',
    defaultMessage: 'Unix sockets take 0 (or <code>PF_UNIX</code>).',
  },
  hintVsock: {
    id: 'lab.socket.input.hint.vsock',
    defaultMessage: 'vsock takes 0 (or <code>PF_VSOCK</code>).',
  },
  hintNone: {
    id: 'lab.socket.input.hint.none',
    defaultMessage: 'This family has no protocol names here: any number.',
  },
  // CallPath
  pathCaption: {
    id: 'lab.socket.path.caption',
    defaultMessage:
      'Call path of {ok, select, yes {a successful} other {a failed}} <code>socket()</code> call, from <code>__sys_socket</code> down to {ok, select, yes {the new socket} other {the <code>-{errno}</code> exit in <code>{fn}</code>}}',
  },
  stepN: { id: 'lab.socket.path.step', defaultMessage: 'Step {n}:' },
  walkRepeat: {
    id: 'lab.socket.path.walkRepeat',
    defaultMessage: '↺ The same walk again: nothing new was registered.',
  },
  errnoExit: { id: 'lab.socket.path.errnoExit', defaultMessage: 'errno exit' },
  exitFrom: {
    id: 'lab.socket.path.exitFrom',
    defaultMessage: '<code>return -{errno}</code> (errno {n}, {text}) from <code>{fn}()</code>',
  },
  endOk: {
    id: 'lab.socket.path.endOk',
    defaultMessage:
      '<code>socket()</code> returns an fd: <code>sock->ops = {ops}</code>, <code>sk->sk_prot = {prot}</code>; <code>SO_DOMAIN</code>/<code>SO_TYPE</code>/<code>SO_PROTOCOL</code> read <code>{domain}/{type}/{protocol}</code>',
  },
  endErr: {
    id: 'lab.socket.path.endErr',
    defaultMessage: '<code>socket()</code> returns <code>-1</code>, errno = <code>{errno}</code>',
  },
  walkEmpty: { id: 'lab.socket.walk.empty', defaultMessage: 'is empty' },
  walkEntries: {
    id: 'lab.socket.walk.entries',
    defaultMessage: '— {n, plural, one {# entry} other {# entries}}, walked in order',
  },
  walkLabel: { id: 'lab.socket.walk.label', defaultMessage: '{list} walk' },
  loopStopped: { id: 'lab.socket.walk.stopped', defaultMessage: 'The loop stopped before this entry.' },
  outcomeDefault: { id: 'lab.socket.walk.outcome.default', defaultMessage: 'default (protocol 0)' },
  outcomeUnreached: { id: 'lab.socket.walk.outcome.unreached', defaultMessage: 'not reached' },
  layerSocket: { id: 'lab.socket.dispatch.layer.socket', defaultMessage: 'socket layer' },
  layerHelper: { id: 'lab.socket.dispatch.layer.helper', defaultMessage: 'helper' },
  optionLevel: { id: 'lab.socket.dispatch.optionLevel', defaultMessage: 'Option level' },
  chainLabel: { id: 'lab.socket.dispatch.chain', defaultMessage: 'Dispatch chain of {op}()' },
  sourceOn: { id: 'lab.socket.dispatch.sourceOn', defaultMessage: '({file} on elixir.bootlin.com)' },
  dispatchFails: {
    id: 'lab.socket.dispatch.fails',
    defaultMessage:
      '<code>{op}()</code> fails with <code>{errno}</code> (errno {n}, {text}) in <code>{fn}()</code>: {why}',
  },
  whyEach: { id: 'lab.socket.dispatch.whyEach', defaultMessage: 'Why each function is called' },
  other: { id: 'lab.socket.picker.other', defaultMessage: 'Other — a number or name…' },
  tableDefined: {
    id: 'lab.socket.table.defined',
    defaultMessage: '(where <code>{name}</code> is defined, on elixir.bootlin.com)',
  },
  tableField: { id: 'lab.socket.table.field', defaultMessage: 'field' },
  tablePointsTo: { id: 'lab.socket.table.pointsTo', defaultMessage: 'points to' },
  tableEmpty: { id: 'lab.socket.table.empty', defaultMessage: 'No slots modelled for this table.' },
  tableUsedBy: { id: 'lab.socket.table.usedBy', defaultMessage: '(used by <code>{op}()</code>)' },
  stubTitle: {
    id: 'lab.socket.table.stub',
    defaultMessage: '<code>{fn}</code> returns <code>-{errno}</code> (errno {n})',
  },
  roleSyscall: { id: 'lab.socket.role.syscall', defaultMessage: 'syscall' },
  roleFlags: { id: 'lab.socket.role.flags', defaultMessage: 'flag bits' },
  roleFamilyType: { id: 'lab.socket.role.familyType', defaultMessage: 'family and type' },
  roleRetry: { id: 'lab.socket.role.retry', defaultMessage: 'retry' },
  roleSock: { id: 'lab.socket.role.sock', defaultMessage: '<code>struct sock</code>' },
  roleFd: { id: 'lab.socket.role.fd', defaultMessage: 'file descriptor' },

  // The preset chips (presets.ts): names, and titles with the call as a value.
  presetRawName: { id: 'lab.socket.preset.raw.name', defaultMessage: 'Raw, no protocol' },
  presetRawWhat: {
    id: 'lab.socket.preset.raw.what',
    defaultMessage: '{call}: the wildcard entry never takes 0',
    description: 'Preset chip title; {call} is the socket() arguments, as code.',
  },
  presetRawUserName: { id: 'lab.socket.preset.rawUser.name', defaultMessage: 'Raw as user' },
  presetRawUserWhat: {
    id: 'lab.socket.preset.rawUser.what',
    defaultMessage: '{call} without {cap}',
    description: '{cap} is CAP_NET_RAW.',
  },
  presetPingName: { id: 'lab.socket.preset.ping.name', defaultMessage: 'Ping socket' },
  presetPingWhat: {
    id: 'lab.socket.preset.ping.what',
    defaultMessage: '{call}: {sysctl} decides',
    description: '{sysctl} is ping_group_range.',
  },
  presetPacketWhat: {
    id: 'lab.socket.preset.packet.what',
    defaultMessage: 'the obsolete ({call}) pair becomes a packet socket',
  },
  presetUnixRawName: { id: 'lab.socket.preset.unixRaw.name', defaultMessage: 'Unix SOCK_RAW' },
  presetUnixRawWhat: {
    id: 'lab.socket.preset.unixRaw.what',
    defaultMessage: '{call}: {fn} turns it into {type}',
  },
  presetNetlinkName: { id: 'lab.socket.preset.netlink.name', defaultMessage: 'Netlink route' },
  presetMptcpName: { id: 'lab.socket.preset.mptcp.name', defaultMessage: 'MPTCP over IPv6' },
  presetUnknownName: { id: 'lab.socket.preset.unknown.name', defaultMessage: 'Unknown family' },
  presetUnknownWhat: {
    id: 'lab.socket.preset.unknown.what',
    defaultMessage: 'family {n} is past {max}',
  },
  presetBadFlagsName: { id: 'lab.socket.preset.badFlags.name', defaultMessage: 'Bad flags' },
  presetBadFlagsWhat: {
    id: 'lab.socket.preset.badFlags.what',
    defaultMessage: '{type}: a flag bit that is neither {a} nor {b}',
  },
  presetNonblockName: { id: 'lab.socket.preset.nonblock.name', defaultMessage: 'Non-blocking UDP' },
});
