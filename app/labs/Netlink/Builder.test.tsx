/**
 * The builder and the samples speak the reader's language: every word of the builder comes from
 * the catalogs (ids lab.netlink.builder.*), the samples' titles too (lab.netlink.sample.*), and
 * the English stays what it was.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createIntl } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { CATALOGS } from '../../../core/i18n/catalogs.ts';
import { NETLINK_SAMPLES, ROW_TEXT, flagGroups } from '../../../core/netlink/index.ts';
import { fmtNode } from '../../i18n/format.tsx';
import { useLocaleStore } from '../../i18n/locale.ts';
import { flushLater } from '../../lab-kit/useLater.ts';
import { renderLab as renderNetlinkLab } from './render-lab.test-helper.tsx';
import { FLAG_MEANING, ISSUE_TEXT, RAW_WHY } from './words.ts';

function renderLab() {
  const view = renderNetlinkLab();
  const builder = () => view.container.querySelector<HTMLElement>('.nl-builder')!;
  return { builder, ...view };
}

afterEach(() => useLocaleStore.setState({ locale: 'en' }));

/** The English the builder showed before its words moved to the catalogs. */
const ENGLISH = [
  'Messages in the builder',
  '+ Message',
  'Remove',
  'The buffer is empty',
  'Bytes kept as they are',
  'Computed: 16 + family header + attributes.',
  '0: to or from the kernel.',
  'Pick a known type',
  'no group applies',
  'Bits 0x100',
  'the kernel reads them as',
  'read for',
  'standard',
  'GET modifiers',
  'Family header',
  'Attributes',
  '+ Attribute',
  'Kind',
  'Value',
  'bytes after the last message',
];

describe('the builder in Chinese', () => {
  it('names its parts, fields and flag groups in Chinese, with no English left', async () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const { builder } = renderLab();
    const b = within(builder());
    expect(b.getByRole('navigation', { name: '构造器中的消息' })).toBeInTheDocument();
    expect(b.getByRole('button', { name: '+ 消息' })).toBeInTheDocument();
    expect(b.getByRole('button', { name: '删除第 1 项' })).toBeInTheDocument();
    expect(builder().querySelector('.nl-msg-editor > legend')).toHaveTextContent('第 1 条消息：RTM_GETLINK');
    expect(builder()).toHaveTextContent('自动计算：16 + 协议族首部 + 属性。');
    expect(b.getByRole('textbox', { name: 'nlmsg_pid' })).toHaveAccessibleDescription(
      '0：发往内核，或来自内核。',
    );
    const groups = [...builder().querySelectorAll('.nl-flag-group > legend')].map((l) => l.textContent);
    expect(groups).toEqual([
      '标准',
      'GET 请求修饰符 · RTM_GETLINK 按此解读',
      'NEW 请求修饰符',
      'DELETE 请求修饰符',
      'ACK 标志',
    ]);
    expect(builder().querySelector('.nl-flags-note')).toHaveTextContent(
      '0x100–0x800 这几位的含义随消息种类而不同（include/uapi/linux/netlink.h）：对 RTM_GETLINK，内核把它们解读为“GET 请求修饰符”',
    );
    expect(b.getByRole('checkbox', { name: /^NLM_F_ACK 0x004/ }).closest('label')).toHaveAttribute(
      'title',
      '成功时回复一个确认（error 为 0 的 NLMSG_ERROR）',
    );
    expect(b.getByRole('group', { name: '协议族首部' })).toBeInTheDocument();
    expect(b.getByRole('group', { name: '属性' })).toBeInTheDocument();

    await userEvent.click(b.getByRole('button', { name: '+ 属性' }));
    expect(b.getAllByRole('combobox', { name: '种类' }).length).toBeGreaterThan(0);
    expect(b.getAllByRole('textbox', { name: '值' }).length).toBeGreaterThan(0);
    for (const remove of b.getAllByRole('button', { name: /^删除属性 / }))
      expect(remove).toHaveAttribute('title', '删除');

    const text = builder().textContent ?? '';
    for (const en of ENGLISH) expect(text, en).not.toContain(en);
  });

  it('says why raw bytes are kept, in Chinese', async () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const { store, builder } = renderLab();
    // NLMSG_NOOP (16 bytes), then 4 bytes after the last message.
    act(() => store.getState().load({ hexText: '10000000010000000000000000000000 01020304' }));
    act(() => flushLater());
    const b = within(builder());
    await userEvent.click(b.getByRole('button', { name: '2. 原始 4 B' }));
    expect(builder().querySelector('.nl-raw .nl-note')).toHaveTextContent(
      '这些字节按原样保留（最后一条消息之后的字节）。可以在上方的十六进制编辑器里修改，或者把它们删除。',
    );
    expect(builder().textContent).not.toMatch(/Bytes kept|bytes after|raw \d/);
  });

  it('explains a bad field in Chinese, and in core’s English in English', async () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const { builder, unmount } = renderLab();
    const seq = within(builder()).getByRole('textbox', { name: 'nlmsg_seq' });
    await userEvent.clear(seq);
    await userEvent.type(seq, '99999999999');
    act(() => flushLater());
    expect(seq).toHaveAccessibleDescription('99999999999 超出了 32 位能表示的范围（最大 4294967295）。');
    await userEvent.clear(seq);
    await userEvent.type(seq, 'x1');
    act(() => flushLater());
    expect(seq).toHaveAccessibleDescription('“x1”不是一个数（可写十进制，或以 0x 开头的十六进制）。');
    unmount();

    act(() => useLocaleStore.setState({ locale: 'en' }));
    const en = renderLab();
    const seqEn = within(en.builder()).getByRole('textbox', { name: 'nlmsg_seq' });
    await userEvent.clear(seqEn);
    await userEvent.type(seqEn, '99999999999');
    act(() => flushLater());
    expect(seqEn).toHaveAccessibleDescription(
      ROW_TEXT['row.too-big']!({ text: '99999999999', bits: 32, max: '4294967295' }),
    );
  });

  it('names the samples in Chinese, and in the same English as core in English', () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const { unmount } = renderLab();
    const zh = screen.getByRole('button', { name: 'RTM_GETLINK 转储的回复（lo）' });
    expect(zh.getAttribute('title')).toMatch(/^RTM_GETLINK 转储的第一次 recvmsg\(\)：/);
    for (const sm of NETLINK_SAMPLES) expect(screen.queryByRole('button', { name: sm.title })).toBeNull();
    unmount();

    act(() => useLocaleStore.setState({ locale: 'en' }));
    renderLab();
    for (const sm of NETLINK_SAMPLES)
      expect(screen.getByRole('button', { name: sm.title }), sm.id).toHaveAttribute('title', sm.what);
  });

  it('keeps the English as it was', () => {
    const { builder } = renderLab();
    const b = within(builder());
    expect(b.getByRole('navigation', { name: 'Messages in the builder' })).toBeInTheDocument();
    expect(b.getByRole('button', { name: 'Remove #1' })).toBeInTheDocument();
    expect(builder().querySelector('.nl-msg-editor > legend')).toHaveTextContent(/^Message 1: RTM_GETLINK$/);
    expect(builder().querySelector('.nl-flags-note')).toHaveTextContent(
      /^Bits 0x100–0x800 mean different things by message kind \(include\/uapi\/linux\/netlink\.h\): for RTM_GETLINK the kernel reads them as GET modifiers; the greyed groups name the same bits for other kinds\.$/,
    );
    const groups = [...builder().querySelectorAll('.nl-flag-group > legend')].map((l) => l.textContent);
    expect(groups[1]).toBe('GET modifiers · read for RTM_GETLINK');
    for (const en of [
      'Computed: 16 + family header + attributes.',
      'Family header',
      'Attributes',
      '+ Attribute',
      '+ Message',
    ])
      expect(builder()).toHaveTextContent(en);
    expect(b.getByRole('textbox', { name: 'nlmsg_pid' })).toHaveAccessibleDescription(
      '0: to or from the kernel.',
    );
  });

  it('keeps the English of raw bytes as it was', async () => {
    const { store, builder } = renderLab();
    act(() => store.getState().load({ hexText: '10000000010000000000000000000000 01020304' }));
    act(() => flushLater());
    await userEvent.click(within(builder()).getByRole('button', { name: '2. raw 4 B' }));
    expect(builder().querySelector('.nl-raw .nl-note')).toHaveTextContent(
      /^Bytes kept as they are \(bytes after the last message\)\. Edit them in the hex editor above, or remove them\.$/,
    );
  });
});

describe('the builder’s reasons', () => {
  it('say in English exactly what core’s ROW_TEXT says, for every id they cover', () => {
    const intl = createIntl({ locale: 'en', messages: CATALOGS.en });
    const values = { text: 'x1', bits: '16', max: '65535', n: '3', typeName: 'NLMSG_ERROR' };
    const plain = (chunks: ReactNode[]) => chunks.join('');
    const ids = Object.keys({ ...ISSUE_TEXT, ...RAW_WHY });
    expect(ids.length).toBe(14);
    for (const id of ids) {
      const d = ISSUE_TEXT[id] ?? RAW_WHY[id]!;
      const out = fmtNode(intl, d, { ...values, code: plain });
      const en = Array.isArray(out) ? out.join('') : String(out);
      expect(en, id).toBe(ROW_TEXT[id]!(values));
    }
  });

  it('name every flag as core does, in English', () => {
    const intl = createIntl({ locale: 'en', messages: CATALOGS.en });
    // RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK and NLMSG_ERROR: every group core knows.
    const flags = new Map(
      [16, 17, 18, 2].flatMap((t) =>
        flagGroups(t, 'route').flatMap((g) => g.flags.map((f) => [f.name, f.meaning])),
      ),
    );
    expect(flags.size).toBe(18);
    expect(Object.keys(FLAG_MEANING).sort()).toEqual([...flags.keys()].sort());
    for (const [name, meaning] of flags) {
      const out = fmtNode(intl, FLAG_MEANING[name]!, { code: (c: ReactNode[]) => c.join('') });
      expect(Array.isArray(out) ? out.join('') : String(out), name).toBe(meaning);
    }
  });
});
