/**
 * The sk_buff lab's words (SkbLab, OpsPanel, PanicCard), in the catalogs. The model's own sentences
 * (op results, refusals, presets) are core/skb's messages.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const SKB_WORDS = defineMessages({
  eyebrow: { id: 'lab.skb.intro.eyebrow', defaultMessage: 'Lab · <code>include/linux/skbuff.h</code>' },
  lede: {
    id: 'lab.skb.intro.lede',
    defaultMessage:
      'Every packet lives in an <code>sk_buff</code>: one buffer, four pointers. <code>skb_reserve</code> leaves room, <code>skb_put</code> adds data at the tail, <code>skb_push</code> puts headers in front, <code>skb_pull</code> strips them on the way up — and stepping outside <code>head…end</code> is a kernel panic.',
  },
  upNote: { id: 'lab.skb.steps.upNote', defaultMessage: '↑ back up the receiver’s stack (loopback)' },
  bufferTitle: { id: 'lab.skb.buffer.title', defaultMessage: 'The buffer' },
  stepThrough: { id: 'lab.skb.buffer.stepThrough', defaultMessage: 'Step through' },
  afterStep: {
    id: 'lab.skb.buffer.afterStep',
    defaultMessage: 'After step {step}:',
    description: 'Before the link to the function of the selected step.',
  },
  bufferFacts: {
    id: 'lab.skb.buffer.facts',
    defaultMessage: '— headroom {headroom} · <code>len</code> {len} · tailroom {tailroom}',
  },
  historyTitle: { id: 'lab.skb.history.title', defaultMessage: 'Operations, step by step' },
  historyLabel: { id: 'lab.skb.history.label', defaultMessage: 'Operation history' },
  operations: { id: 'lab.skb.inputs.label', defaultMessage: 'Operations' },
  replayFragmented: { id: 'lab.skb.replay.fragmented', defaultMessage: 'Fragmented send' },
  replayNote: {
    id: 'lab.skb.replay.note',
    defaultMessage:
      '{label}: the Fragmentation lab’s {len}-byte UDP send over MTU {mtu}, every <code>sk_buff</code> at every kernel step. {seen} marks an <code>sk_buff</code> reused from an earlier step (the fast path), {fresh} one just allocated.',
    description: 'seen and fresh are the two badges (seenBefore, isNew) drawn inline.',
  },
  seenBefore: { id: 'lab.skb.badge.seenBefore', defaultMessage: 'seen before' },
  isNew: { id: 'lab.skb.badge.new', defaultMessage: 'new' },
  openInFragment: {
    id: 'lab.skb.replay.openFragment',
    defaultMessage: 'Open this step in the Fragmentation lab',
  },
  backToBuffer: { id: 'lab.skb.replay.back', defaultMessage: '← Back to your buffer' },
  replayTitle: { id: 'lab.skb.replay.title', defaultMessage: '{label}, through the kernel' },
  replaySkbs: { id: 'lab.skb.replay.skbs', defaultMessage: 'Every <code>sk_buff</code> at step {step}:' },
  // PanicCard
  titleBug: { id: 'lab.skb.panic.title.bug', defaultMessage: 'Kernel BUG — the kernel would panic here' },
  titleNull: { id: 'lab.skb.panic.title.null', defaultMessage: 'The call returns <code>NULL</code>' },
  titleWarn: { id: 'lab.skb.panic.title.warn', defaultMessage: 'The kernel warns and does nothing' },
  titleInvalid: { id: 'lab.skb.panic.title.invalid', defaultMessage: 'Not an operation the lab can run' },
  inFnAtStep: { id: 'lab.skb.panic.where', defaultMessage: 'in {fn} at step {step}' },
  unchanged: {
    id: 'lab.skb.panic.unchanged',
    defaultMessage:
      'The buffer is unchanged: the drawing and the table show it as it was before <code>{fn}</code>.',
  },
  logLabel: { id: 'lab.skb.panic.log', defaultMessage: 'What the kernel prints' },
  halted: {
    id: 'lab.skb.panic.halted',
    defaultMessage:
      'After a <code>BUG()</code> the machine is gone: nothing runs after step {step}{notRun, plural, =0 {} one {, and the # operation after it was not run} other {, and the # operations after it were not run}}. The lab takes no more operations until you undo the panic or start a new buffer.',
  },
  haltedShort: {
    id: 'lab.skb.panic.haltedShort',
    defaultMessage:
      'The kernel panicked at step {step}: no operation runs until you undo the panic or start a new buffer.',
  },
  undoPanic: { id: 'lab.skb.panic.undo', defaultMessage: '↶ Undo the panic' },
  newBuffer: { id: 'lab.skb.panic.newBuffer', defaultMessage: 'New buffer of {size} bytes' },
  // OpsPanel
  doesReserve: {
    id: 'lab.skb.op.reserve',
    defaultMessage: '<code>data</code> and <code>tail</code> forward (empty buffer): headroom for headers',
  },
  doesPut: { id: 'lab.skb.op.put', defaultMessage: '<code>tail</code> forward: add bytes at the end' },
  doesPush: { id: 'lab.skb.op.push', defaultMessage: '<code>data</code> back: a header in front' },
  doesPull: { id: 'lab.skb.op.pull', defaultMessage: '<code>data</code> forward: strip a header' },
  doesTrim: { id: 'lab.skb.op.trim', defaultMessage: '<code>tail</code> back: cut the data to N bytes' },
  notWhole: { id: 'lab.skb.input.notWhole', defaultMessage: 'Enter a whole number of bytes.' },
  tooBig: { id: 'lab.skb.input.tooBig', defaultMessage: 'At most {max} bytes.' },
  replayHint: {
    id: 'lab.skb.input.replayHint',
    defaultMessage:
      'The fragmented send replays the kernel’s own trace. Leave the replay to work on your buffer.',
  },
  bytes: { id: 'lab.skb.input.bytes', defaultMessage: 'Bytes' },
  bytesAre: { id: 'lab.skb.input.bytesAre', defaultMessage: 'Bytes are' },
  bytesAreHint: {
    id: 'lab.skb.input.bytesAreHint',
    defaultMessage: 'for <code>skb_put</code> and <code>skb_push</code>',
  },
  applyGroup: { id: 'lab.skb.input.applyGroup', defaultMessage: 'Apply an operation' },
  history: { id: 'lab.skb.input.history', defaultMessage: 'History' },
  undo: { id: 'lab.skb.input.undo', defaultMessage: '↶ Undo' },
  redo: { id: 'lab.skb.input.redo', defaultMessage: '↷ Redo' },
  presetsTitle: { id: 'lab.skb.presets.title', defaultMessage: 'Presets: real paths' },
  fragmentedWhat: {
    id: 'lab.skb.presets.fragmented.what',
    defaultMessage:
      'The Fragmentation lab’s 4,000-byte UDP send over MTU 1,500, every <code>sk_buff</code> at every step',
  },
  fragmentedWhy: {
    id: 'lab.skb.presets.fragmented.why',
    defaultMessage:
      'The queue <code>__ip_append_data</code> builds, the <code>frag_list</code> after <code>__ip_make_skb</code>, each fragment after <code>ip_do_fragment</code>, and the way back up the receiver.',
  },
  presetStart: {
    id: 'lab.skb.presets.start',
    defaultMessage:
      'The page opens on the last step of a UDP send, the whole picture. A preset you pick starts at its first step: step through it with Next step.',
    description: 'Shown while no preset is picked (the first visit shows the UDP send finished).',
  },
  bufferLegend: { id: 'lab.skb.input.buffer', defaultMessage: 'Buffer' },
  sequence: { id: 'lab.skb.input.sequence', defaultMessage: 'Sequence' },
  sequenceHint: {
    id: 'lab.skb.input.sequenceHint',
    defaultMessage: 'As in the URL: <code>op:BYTES[:kind]</code>, comma-separated. Enter applies.',
  },
  allocSize: { id: 'lab.skb.input.allocSize', defaultMessage: '<code>alloc_skb</code> size (bytes)' },
  allocHint: {
    id: 'lab.skb.input.allocHint',
    defaultMessage:
      '{cache, select, small {<code>skb_small_head_cache</code>} kmalloc {<code>kmalloc</code>} other {pages}} object of {size} B: <code>end</code> = {end}, then <code>skb_shared_info</code>; <code>truesize</code> {truesize}',
  },
  newBufferButton: { id: 'lab.skb.input.newBuffer', defaultMessage: 'New buffer' },
});
