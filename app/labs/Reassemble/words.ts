/**
 * The Reassembly lab's words, in the catalogs (ids `lab.reassemble.<area>.<name>`). Numbers come
 * in already formatted by the lab (`num`: 2,960), so a plain `{n}` prints them as they are.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const W = defineMessages({
  eyebrow: { id: 'lab.reassemble.intro.eyebrow', defaultMessage: 'Lab · IPv4 and IPv6 input path' },
  lede: {
    id: 'lab.reassemble.intro.lede',
    defaultMessage:
      'Reorder, drop, duplicate and overlap the fragments of one UDP datagram and watch <code>{fn}</code> file them into the queue’s runs — then deliver the datagram, drop the queue, or let its timer expire.',
  },
  skipQueue: {
    id: 'lab.reassemble.skip.queue',
    defaultMessage: 'Skip to the queue stepper',
    description: 'Skip link at the start of the lab, visible on focus.',
  },
  skipOutcome: {
    id: 'lab.reassemble.skip.outcome',
    defaultMessage: 'Skip to the outcome',
    description: 'Skip link at the start of the lab, visible on focus.',
  },

  // The queue panel
  queueTitle: { id: 'lab.reassemble.queue.title', defaultMessage: 'The queue, fragment by fragment' },
  stepThrough: { id: 'lab.reassemble.queue.stepThrough', defaultMessage: 'Step through the arrivals' },
  prevArrival: { id: 'lab.reassemble.queue.prevArrival', defaultMessage: '← Previous arrival' },
  nextArrival: { id: 'lab.reassemble.queue.nextArrival', defaultMessage: 'Next arrival →' },
  arrivalOf: { id: 'lab.reassemble.queue.arrivalOf', defaultMessage: 'Arrival {i} of {n}' },
  clock: {
    id: 'lab.reassemble.clock',
    defaultMessage: 't = {at} of {until} ms',
    description: 'The one clock of the run: where it is at a step, and where it stops.',
  },
  timerStatus: {
    id: 'lab.reassemble.queue.timerStatus',
    defaultMessage: '<code>{fn}</code>, {clock}',
    description:
      'Stepper status at a step that is no arrival (a timer, the socket read); {clock} is lab.reassemble.clock.',
  },
  caption: {
    id: 'lab.reassemble.queue.caption',
    defaultMessage: 'After step {i} of {n}, {fn} — {clock}',
    description: '{fn} is a link (kernel function); {clock} is lab.reassemble.clock.',
  },
  legendLabel: { id: 'lab.reassemble.legend.label', defaultMessage: 'Colour key' },
  legendOk: { id: 'lab.reassemble.legend.ok', defaultMessage: 'queued / completed' },
  legendDup: { id: 'lab.reassemble.legend.dup', defaultMessage: 'duplicate (dropped alone)' },
  legendDrop: { id: 'lab.reassemble.legend.drop', defaultMessage: 'dropped the queue' },
  legendFuture: { id: 'lab.reassemble.legend.future', defaultMessage: 'still to come' },
  legendRun: { id: 'lab.reassemble.legend.run', defaultMessage: 'run (rbtree node)' },
  legendHole: { id: 'lab.reassemble.legend.hole', defaultMessage: 'hole' },
  outcomeTitle: {
    id: 'lab.reassemble.outcome.title',
    defaultMessage: 'Outcome at t = {until} ms, when the clock stops',
  },
  arrivalsTitle: { id: 'lab.reassemble.arrivals.title', defaultMessage: 'Arrivals' },
  traceTitle: { id: 'lab.reassemble.trace.title', defaultMessage: 'Through the kernel' },
  noResult: { id: 'lab.reassemble.noResult', defaultMessage: 'Enter valid fragments to see the queue.' },

  // Issues banner: field names
  fieldArrival: { id: 'lab.reassemble.field.arrival', defaultMessage: 'Arrival {i}, {field}:' },
  fieldLost: { id: 'lab.reassemble.field.lost', defaultMessage: 'Lost fragment {i}, {field}:' },
  fieldTime: { id: 'lab.reassemble.field.time', defaultMessage: 'Arrival {i}, time:' },
  fieldOther: { id: 'lab.reassemble.field.other', defaultMessage: '{field}:' },
  fieldOffset: { id: 'lab.reassemble.field.offset', defaultMessage: 'offset' },
  fieldLength: { id: 'lab.reassemble.field.length', defaultMessage: 'length' },
  fieldBytes: { id: 'lab.reassemble.field.bytes', defaultMessage: 'bytes' },
  fieldId: { id: 'lab.reassemble.field.id', defaultMessage: 'id' },
  fieldExtra: { id: 'lab.reassemble.field.extra', defaultMessage: 'extra' },

  // Queue states
  stateWaiting: { id: 'lab.reassemble.state.waiting', defaultMessage: 'still waiting' },
  stateReassembled: { id: 'lab.reassemble.state.reassembled', defaultMessage: 'reassembled' },
  stateDropped: { id: 'lab.reassemble.state.dropped', defaultMessage: 'dropped' },
  stateExpired: { id: 'lab.reassemble.state.expired', defaultMessage: 'expired' },
  stateLive: { id: 'lab.reassemble.state.live', defaultMessage: 'waiting' },
  stateInHash: { id: 'lab.reassemble.state.inHash', defaultMessage: 'in the hash table' },

  // The queue table
  tableNote: {
    id: 'lab.reassemble.table.note',
    defaultMessage: '{head} — fragment memory {mem} of <code>high_thresh</code> {high} bytes',
    description: '{head} is lab.reassemble.table.label in bold.',
  },
  tableRegion: { id: 'lab.reassemble.table.region', defaultMessage: 'Queues, scrollable' },
  tableLabel: { id: 'lab.reassemble.table.label', defaultMessage: 'Queues after step {i}' },
  colQueue: { id: 'lab.reassemble.table.col.queue', defaultMessage: 'queue' },
  colState: { id: 'lab.reassemble.table.col.state', defaultMessage: 'state' },
  colTimer: { id: 'lab.reassemble.table.col.timer', defaultMessage: 'timer' },
  colRuns: { id: 'lab.reassemble.table.col.runs', defaultMessage: 'runs' },
  colHoles: { id: 'lab.reassemble.table.col.holes', defaultMessage: 'holes' },
  noQueue: {
    id: 'lab.reassemble.table.noQueue',
    defaultMessage: 'No queue: no fragment has been looked up yet.',
  },
  timerMs: { id: 'lab.reassemble.table.timerMs', defaultMessage: '{at} ms' },
  killedNote: {
    id: 'lab.reassemble.table.killed',
    defaultMessage:
      '{state, select, dropped {dropped} other {expired}}: <code>inet_frag_kill</code> sets <code>COMPLETE</code> on every queue it kills — it means “done with”, not reassembled',
    description: 'Under the flags of a queue that was dropped or expired.',
  },

  // The queue diagram
  svgTitle: {
    id: 'lab.reassemble.svg.title',
    defaultMessage: 'Reassembly queue after step {i} of {n}',
  },
  svgByte: { id: 'lab.reassemble.svg.byte', defaultMessage: 'byte' },
  svgArrivals: { id: 'lab.reassemble.svg.arrivals', defaultMessage: 'Arrivals' },
  svgArrivalsPacked: {
    id: 'lab.reassemble.svg.arrivalsPacked',
    defaultMessage: 'Arrivals ({n}, packed into rows)',
  },
  svgRange: {
    id: 'lab.reassemble.svg.range',
    defaultMessage: '[{from}, {to}){last, select, yes { last} other {}}',
  },
  svgBytesShort: {
    id: 'lab.reassemble.svg.bytesShort',
    defaultMessage: '{n} B{last, select, yes {, last} other {}}',
    description: 'Beside a fragment too narrow for its byte range: its length in bytes.',
  },
  svgQueue: { id: 'lab.reassemble.svg.queue', defaultMessage: 'queue #{n} · {state}' },
  svgMeat: { id: 'lab.reassemble.svg.meat', defaultMessage: '{meat} of {len} bytes' },
  svgMeatOpen: { id: 'lab.reassemble.svg.meatOpen', defaultMessage: '{meat} of ≥ {len} bytes' },
  svgMeatShort: { id: 'lab.reassemble.svg.meatShort', defaultMessage: '{meat} B' },
  svgRun: { id: 'lab.reassemble.svg.run', defaultMessage: 'run {from}–{to}' },
  svgHole: { id: 'lab.reassemble.svg.hole', defaultMessage: 'hole {from}–{to}' },
  svgRunsTimer: {
    id: 'lab.reassemble.svg.runsTimer',
    defaultMessage: '{runs, plural, one {# run} other {# runs}} · timer at {at} ms',
  },
  svgReassembled: {
    id: 'lab.reassemble.svg.reassembled',
    defaultMessage: '{n, plural, one {Reassembled} other {Reassembled ×#}}',
  },
  svgRecv: { id: 'lab.reassemble.svg.recv', defaultMessage: '<code>recv()</code> → {n} bytes' },
  svgNotDelivered: { id: 'lab.reassemble.svg.notDelivered', defaultMessage: 'not delivered' },
  svgDatagram: {
    id: 'lab.reassemble.svg.datagram',
    defaultMessage: '{bytes} bytes{n, plural, one {} other {, # fragments}}',
  },
  descArrived: {
    id: 'lab.reassemble.desc.arrived',
    defaultMessage: '{arrived} of {n} fragments have arrived.',
  },
  descQueue: {
    id: 'lab.reassemble.desc.queue',
    defaultMessage:
      'Queue {serial} ({state}): {meat} of {open, select, yes {at least {len}} other {{len}}} bytes in {runs, plural, one {# run} other {# runs}}{holes, select, none {} other {, holes {holes}}}.',
  },

  // The outcome
  headlineDelivered: {
    id: 'lab.reassemble.headline.delivered',
    defaultMessage:
      'Delivered: <code>recv()</code> returns {n, plural, one {# byte} other {# bytes}}{more, plural, =0 {} one { (and # more datagram)} other { (and # more datagrams)}}.',
  },
  headlineNone: {
    id: 'lab.reassemble.headline.none',
    defaultMessage: 'Nothing delivered: no fragment reached a queue.',
  },
  headlineNothing: { id: 'lab.reassemble.headline.nothing', defaultMessage: 'Nothing arrives.' },
  headlineQueues: {
    id: 'lab.reassemble.headline.queues',
    defaultMessage: 'Nothing delivered{waiting, select, yes { yet} other {}}: {list}.',
    description: '{list} joins one lab.reassemble.headline.q.* phrase per queue.',
  },
  qWaiting: { id: 'lab.reassemble.headline.q.waiting', defaultMessage: 'queue #{n} is still waiting' },
  qDropped: { id: 'lab.reassemble.headline.q.dropped', defaultMessage: 'queue #{n} was dropped' },
  qExpired: {
    id: 'lab.reassemble.headline.q.expired',
    defaultMessage:
      'queue #{n} expired{icmp, select, yes { and ICMP Time Exceeded went back} other {, no ICMP}}',
  },
  qReassembled: {
    id: 'lab.reassemble.headline.q.reassembled',
    defaultMessage: 'queue #{n} was reassembled, but UDP refused the datagram',
  },
  outcomeList: { id: 'lab.reassemble.outcome.list', defaultMessage: 'Outcome' },
  howQueue: {
    id: 'lab.reassemble.outcome.howQueue',
    defaultMessage: 'queue #{n} reassembled by <code>{fn}</code>',
  },
  howStraight: {
    id: 'lab.reassemble.outcome.howStraight',
    defaultMessage: 'not a fragment: it went straight up',
  },
  delivered: { id: 'lab.reassemble.outcome.delivered', defaultMessage: 'Delivered' },
  deliveredText: {
    id: 'lab.reassemble.outcome.deliveredText',
    defaultMessage:
      '<code>recv()</code> returns {n, plural, one {# byte} other {# bytes}}{equal, select, yes {, exactly what was sent} other { — not all of them the sender’s}} ({how}).',
  },
  refused: { id: 'lab.reassemble.outcome.refused', defaultMessage: 'Reassembled, not delivered' },
  refusedText: {
    id: 'lab.reassemble.outcome.refusedText',
    defaultMessage: '{bytes} bytes came out of {how}, but UDP refuses them.',
  },
  waiting: { id: 'lab.reassemble.outcome.waiting', defaultMessage: 'Still waiting' },
  waitingText: {
    id: 'lab.reassemble.outcome.waitingText',
    defaultMessage:
      'Queue #{n} (id {id}) holds {meat} of {known, select, yes {{len}} other {an unknown number of}} bytes at t = {until} ms, when the clock stops; its timer fires at t = {expires} ms.',
  },
  expiredIcmp: { id: 'lab.reassemble.outcome.expiredIcmp', defaultMessage: 'Expired — ICMP sent' },
  expiredNoIcmp: { id: 'lab.reassemble.outcome.expiredNoIcmp', defaultMessage: 'Expired — no ICMP' },
  expiredText: {
    id: 'lab.reassemble.outcome.expiredText',
    defaultMessage: 'Queue #{n} (id {id}) timed out at {at} ms with {meat} bytes in.',
  },
  dropped: { id: 'lab.reassemble.outcome.dropped', defaultMessage: 'Dropped' },
  droppedText: {
    id: 'lab.reassemble.outcome.droppedText',
    defaultMessage: 'Queue #{n} (id {id}) was thrown away at {at} ms with everything in it.',
  },
  refusedMem: { id: 'lab.reassemble.outcome.refusedMem', defaultMessage: 'Refused: no memory' },
  refusedParam: { id: 'lab.reassemble.outcome.refusedParam', defaultMessage: 'Refused: Parameter Problem' },
  refusedArrival: {
    id: 'lab.reassemble.outcome.refusedArrival',
    defaultMessage: 'Arrival {i} ([{from}, {to})) never reached a queue.',
  },
  icmpAt: {
    id: 'lab.reassemble.outcome.icmpAt',
    defaultMessage: '{name} at {at} ms{pointer, select, none {} other {, pointer {pointer}}}.',
  },
  skbSummary: {
    id: 'lab.reassemble.outcome.skb',
    defaultMessage:
      'The reassembled <code>sk_buff</code>: the head and {n, plural, one {# fragment} other {# fragments}} on its <code>frag_list</code>',
  },
  dropsWhere: { id: 'lab.reassemble.outcome.dropsWhere', defaultMessage: 'Where the drops happen' },
  dropAt: {
    id: 'lab.reassemble.outcome.dropAt',
    defaultMessage: 'step {i} (<code>{fn}</code>, t = {at} ms)',
  },

  // The fragment cards
  cardsTitle: { id: 'lab.reassemble.cards.title', defaultMessage: 'Fragments, in arrival order' },
  history: { id: 'lab.reassemble.cards.history', defaultMessage: 'Edit history' },
  undo: { id: 'lab.reassemble.cards.undo', defaultMessage: '↶ Undo' },
  redo: { id: 'lab.reassemble.cards.redo', defaultMessage: '↷ Redo' },
  help: {
    id: 'lab.reassemble.cards.help',
    defaultMessage:
      'Drag a card by its handle ⠿ — or focus the handle and press ↑ / ↓ — to change when it arrives. The ← / → keys move between a card’s buttons. Byte ranges count the UDP datagram from its 8-byte header; offsets are multiples of 8.',
  },
  pagedHelp: {
    id: 'lab.reassemble.cards.paged',
    defaultMessage:
      '{n} fragments: the cards show {shown} at a time. Dragging moves a card within the page; ↑ / ↓ at its edge and Home / End carry it to another page.',
  },
  cardPages: { id: 'lab.reassemble.cards.pages', defaultMessage: 'Pages of fragment cards' },
  empty: {
    id: 'lab.reassemble.cards.empty',
    defaultMessage: 'No fragment arrives. Bring one back below, or add one.',
  },
  arrivalOrder: { id: 'lab.reassemble.cards.order', defaultMessage: 'Arrival order' },
  cardName: { id: 'lab.reassemble.cards.name', defaultMessage: 'arrival {i}, {range}' },
  reorder: { id: 'lab.reassemble.cards.reorder', defaultMessage: 'Reorder {name}' },
  reorderTitle: { id: 'lab.reassemble.cards.reorderTitle', defaultMessage: 'Drag, or press ↑ / ↓' },
  actions: { id: 'lab.reassemble.cards.actions', defaultMessage: 'Actions on {name}' },
  moveUp: { id: 'lab.reassemble.cards.up', defaultMessage: 'Move {name} up' },
  moveDown: { id: 'lab.reassemble.cards.down', defaultMessage: 'Move {name} down' },
  duplicate: { id: 'lab.reassemble.cards.duplicate', defaultMessage: 'Duplicate {name}' },
  duplicateTitle: {
    id: 'lab.reassemble.cards.duplicateTitle',
    defaultMessage: 'Duplicate: a copy arrives right after (edit it to overlap)',
  },
  drop: { id: 'lab.reassemble.cards.drop', defaultMessage: 'Drop {name}' },
  dropTitle: { id: 'lab.reassemble.cards.dropTitle', defaultMessage: 'Drop: lost on the way' },
  inOffset: { id: 'lab.reassemble.cards.in.offset', defaultMessage: 'offset' },
  inLength: { id: 'lab.reassemble.cards.in.length', defaultMessage: 'length' },
  inAt: { id: 'lab.reassemble.cards.in.at', defaultMessage: 'at (ms)' },
  inSame: { id: 'lab.reassemble.cards.in.same', defaultMessage: 'same' },
  inOther: { id: 'lab.reassemble.cards.in.other', defaultMessage: 'other bytes' },
  inOtherTitle: {
    id: 'lab.reassemble.cards.in.otherTitle',
    defaultMessage: 'The same byte range carrying different bytes',
  },
  removeExtra: { id: 'lab.reassemble.cards.removeExtra', defaultMessage: 'Remove “{extra}”' },
  shared: {
    id: 'lab.reassemble.cards.shared',
    defaultMessage:
      'The same fragment as arrival {list}: an edit changes {n, plural, one {both} other {all}}.',
  },
  trimmed: { id: 'lab.reassemble.cards.trimmed', defaultMessage: '{verdict} (trimmed to {end})' },
  lostTitle: { id: 'lab.reassemble.cards.lost', defaultMessage: 'Lost on the way' },
  lostList: { id: 'lab.reassemble.cards.lostList', defaultMessage: 'Lost fragments' },
  bringBack: { id: 'lab.reassemble.cards.bringBack', defaultMessage: 'Bring back' },
  bringBackName: { id: 'lab.reassemble.cards.bringBackName', defaultMessage: 'Bring back {range}' },
  forget: { id: 'lab.reassemble.cards.forget', defaultMessage: 'Forget' },
  forgetName: { id: 'lab.reassemble.cards.forgetName', defaultMessage: 'Forget {range}' },
  lostMore: {
    id: 'lab.reassemble.cards.lostMore',
    defaultMessage: '… and {n} more (bring these back first, or cut the datagram again).',
  },
  add: { id: 'lab.reassemble.cards.add', defaultMessage: '+ Add a fragment' },
  recut: { id: 'lab.reassemble.cards.recut', defaultMessage: 'Cut again (in order)' },
  saidMoved: {
    id: 'lab.reassemble.said.moved',
    defaultMessage: 'Fragment {what} moved from position {from} to position {to} of {n}.',
  },
  saidDropped: {
    id: 'lab.reassemble.said.dropped',
    defaultMessage:
      'Fragment {what} dropped: it is lost on the way. {n, plural, one {# fragment arrives} other {# fragments arrive}}.',
  },
  saidDuplicated: {
    id: 'lab.reassemble.said.duplicated',
    defaultMessage: 'Fragment {what} duplicated: the copy arrives at position {at} of {n}.',
  },
  saidBack: {
    id: 'lab.reassemble.said.back',
    defaultMessage: 'Fragment {what} arrives again, last (position {at}).',
  },
  saidForgot: { id: 'lab.reassemble.said.forgot', defaultMessage: 'Fragment {what} removed.' },
  saidAdded: {
    id: 'lab.reassemble.said.added',
    defaultMessage: 'A new fragment [0, 8) MF arrives last, at position {at}. Edit its offset and length.',
  },
  saidRecut: {
    id: 'lab.reassemble.said.recut',
    defaultMessage: 'The datagram is cut again: every fragment once, in order.',
  },
  saidPreset: { id: 'lab.reassemble.said.preset', defaultMessage: '{label}: {shows}.' },

  // Pager
  prevPage: { id: 'lab.reassemble.pager.prev', defaultMessage: '← Previous {n}' },
  nextPage: { id: 'lab.reassemble.pager.next', defaultMessage: 'Next {n} →' },
  pageArrivals: { id: 'lab.reassemble.pager.arrivals', defaultMessage: 'Arrivals' },
  pageOf: { id: 'lab.reassemble.pager.of', defaultMessage: 'of {n}' },

  // The Arrivals table
  arrivalsNote: {
    id: 'lab.reassemble.arrivals.note',
    defaultMessage:
      'The <code>{fn}</code> verdict for each fragment, in arrival order{paged, select, yes { — arrivals {from}–{to} of {n}} other {}}. The # shows its step in the diagram.',
  },
  arrivalsPages: { id: 'lab.reassemble.arrivals.pages', defaultMessage: 'Pages of arrivals' },
  arrivalsRegion: { id: 'lab.reassemble.arrivals.region', defaultMessage: 'Arrivals, scrollable' },
  showArrival: { id: 'lab.reassemble.arrivals.show', defaultMessage: 'Show arrival {i} (step {s})' },
  colFrag: { id: 'lab.reassemble.arrivals.col.frag', defaultMessage: 'frag' },
  colMs: { id: 'lab.reassemble.arrivals.col.ms', defaultMessage: 'ms' },
  colBytes: { id: 'lab.reassemble.arrivals.col.bytes', defaultMessage: 'bytes' },
  colVerdict: { id: 'lab.reassemble.arrivals.col.verdict', defaultMessage: 'verdict' },
  colReturn: { id: 'lab.reassemble.arrivals.col.return', defaultMessage: 'return' },
  colFn: { id: 'lab.reassemble.arrivals.col.fn', defaultMessage: 'kernel function' },
  queueNew: { id: 'lab.reassemble.arrivals.queueNew', defaultMessage: '#{n} (new)' },
  trimmedTo: { id: 'lab.reassemble.arrivals.trimmed', defaultMessage: 'trimmed to {end}' },
  afterReinit: { id: 'lab.reassemble.arrivals.reinit', defaultMessage: 'after <code>ip_frag_reinit</code>' },

  // The kernel steps
  groupArrival: {
    id: 'lab.reassemble.steps.arrival',
    defaultMessage:
      'Arrival {i}: [{from}, {to}){mf, select, yes { MF} other {}}{at, select, none {} other { at {at} ms}}',
  },
  groupTimer: { id: 'lab.reassemble.steps.timer', defaultMessage: 'Timer at {at} ms' },
  stepsAbove: {
    id: 'lab.reassemble.steps.above',
    defaultMessage: 'Steps 1–{n} are above: ↑, Home or the stepper reach them.',
  },
  stepsBelow: {
    id: 'lab.reassemble.steps.below',
    defaultMessage: 'Steps {from}–{to} are below: ↓, End or the stepper reach them.',
  },

  // The inputs
  datagram: { id: 'lab.reassemble.in.datagram', defaultMessage: 'The datagram' },
  len: { id: 'lab.reassemble.in.len', defaultMessage: 'UDP payload length (bytes)' },
  lenHint: {
    id: 'lab.reassemble.in.lenHint',
    defaultMessage:
      'The sender’s <code>sendto()</code>, 0 to {max} bytes; the datagram is 8 bytes more. Changing it cuts the cards again.',
    description: 'max: 65,535, with its thousands separator.',
  },
  mtu: { id: 'lab.reassemble.in.mtu', defaultMessage: 'MTU (bytes)' },
  mtuHint: {
    id: 'lab.reassemble.in.mtuHint',
    defaultMessage: 'Where the sender’s <code>ip_do_fragment</code> cuts it: {min} to {max} for {family}.',
    description: 'min, max with thousands separators; family: IPv4 or IPv6.',
  },
  family: { id: 'lab.reassemble.in.family', defaultMessage: 'Family' },
  receiver: { id: 'lab.reassemble.in.receiver', defaultMessage: 'The receiver' },
  until: { id: 'lab.reassemble.in.until', defaultMessage: 'Watch the clock until (ms)' },
  untilHint: {
    id: 'lab.reassemble.in.untilHint',
    defaultMessage:
      'Empty: 100 ms after the last arrival. Queues expire {s} s after their first fragment (<code>{sysctl}</code>).',
  },
  untilPlaceholder: { id: 'lab.reassemble.in.untilPlaceholder', defaultMessage: 'last arrival + 100' },
  waitPast: { id: 'lab.reassemble.in.waitPast', defaultMessage: 'Wait past the timer' },
  source: { id: 'lab.reassemble.in.source', defaultMessage: 'The fragments come from' },
  sourceHint: {
    id: 'lab.reassemble.in.sourceHint',
    defaultMessage:
      '<code>ip_expire</code> routes the first fragment back to its sender: from this host’s own address that fails, so no ICMP leaves.',
  },
  sourceSelf: { id: 'lab.reassemble.in.sourceSelf', defaultMessage: 'this host (loopback)' },
  sourceRemote: { id: 'lab.reassemble.in.sourceRemote', defaultMessage: 'another host' },
  maxDist: { id: 'lab.reassemble.in.maxDist', defaultMessage: '<code>ipfrag_max_dist</code> (fragments)' },
  maxDistHint: {
    id: 'lab.reassemble.in.maxDistHint',
    defaultMessage:
      'Empty: the kernel’s 64. A queue that has not grown while more than this many fragments came from the same source is purged (<code>FRAG_TOO_FAR</code>). 0 turns the check off; IPv6 has no such check.',
  },
  rcvbuf: {
    id: 'lab.reassemble.in.rcvbuf',
    defaultMessage: '<code>sk_rcvbuf</code> of the receiving socket (bytes)',
  },
  rcvbufHint: {
    id: 'lab.reassemble.in.rcvbufHint',
    defaultMessage:
      'Empty: <code>net.core.rmem_default</code>, 212,992. A reassembled datagram whose <code>truesize</code> does not fit is dropped (<code>SOCKET_RCVBUFF</code>).',
  },
  try: { id: 'lab.reassemble.in.try', defaultMessage: 'Try' },
  presets: { id: 'lab.reassemble.in.presets', defaultMessage: 'Presets' },

  // The presets: the chip's name and what it shows
  pInOrder: { id: 'lab.reassemble.preset.inOrder', defaultMessage: 'In order' },
  pInOrderShows: {
    id: 'lab.reassemble.preset.inOrder.shows',
    defaultMessage: 'every fragment once, in order: one run grows until <code>ip_frag_reasm</code> joins it',
  },
  pReversed: { id: 'lab.reassemble.preset.reversed', defaultMessage: 'Reversed' },
  pReversedShows: {
    id: 'lab.reassemble.preset.reversed.shows',
    defaultMessage: 'last fragment first: a run per fragment until the holes close',
  },
  pLost: { id: 'lab.reassemble.preset.lost', defaultMessage: 'One lost' },
  pLostShows: {
    id: 'lab.reassemble.preset.lost.shows',
    defaultMessage: 'a middle fragment never comes: the queue waits with a hole',
  },
  pExpired: { id: 'lab.reassemble.preset.expired', defaultMessage: 'Lost → timer (ICMP)' },
  pExpiredShows: {
    id: 'lab.reassemble.preset.expired.shows',
    defaultMessage:
      'the last fragment never comes and the clock runs past the timer: <code>ip_expire</code>, and ICMP Time Exceeded to another host',
  },
  pNoFirst: { id: 'lab.reassemble.preset.noFirst', defaultMessage: 'First lost → timer' },
  pNoFirstShows: {
    id: 'lab.reassemble.preset.noFirst.shows',
    defaultMessage: 'the first fragment never comes: the queue expires without an ICMP',
  },
  pDuplicate: { id: 'lab.reassemble.preset.duplicate', defaultMessage: 'Duplicate' },
  pDuplicateShows: {
    id: 'lab.reassemble.preset.duplicate.shows',
    defaultMessage: 'one fragment arrives twice: the copy is dropped alone and the datagram still arrives',
  },
  pOverlap: { id: 'lab.reassemble.preset.overlap', defaultMessage: 'Overlap' },
  pOverlapShows: {
    id: 'lab.reassemble.preset.overlap.shows',
    defaultMessage:
      'a copy of the second fragment moved 8 bytes back overlaps the first: the whole queue is dropped',
  },
  pLate: { id: 'lab.reassemble.preset.late', defaultMessage: 'Last one late' },
  pLateShows: {
    id: 'lab.reassemble.preset.late.shows',
    defaultMessage:
      'the last fragment comes after the timer fired: the first queue expired, the late one starts a new queue',
  },
  pTooBig: { id: 'lab.reassemble.preset.tooBig', defaultMessage: 'Too big' },
  pTooBigShows: {
    id: 'lab.reassemble.preset.tooBig.shows',
    defaultMessage:
      'fragments that add up to more than 65,535 bytes: <code>ip_frag_reasm</code> refuses with <code>E2BIG</code>',
  },
});
