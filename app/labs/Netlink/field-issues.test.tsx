/**
 * Each Netlink input's error sits on the field that is wrong, marked invalid and read with it:
 * the builder's header fields (a negative number never wraps silently), a type without names, the
 * iovec lengths; and the hex editor's echo and size bound.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../i18n/locale.ts';
import { flushLater } from '../../lab-kit/useLater.ts';
import { MAX_HEX_TEXT } from './buffer.ts';
import { renderLab } from './render-lab.test-helper.tsx';

afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'en' });
});

/** A text input by its label (nlmsg_type and nla_type have a list of names: comboboxes). */
const box = (name: string) =>
  screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
const type = (el: HTMLElement, text: string) => {
  fireEvent.input(el, { target: { value: text } });
  act(() => flushLater());
};

describe('Netlink builder: an error on the field that is wrong', () => {
  it('ifi_index −5: on ifi_index, with its range, not on nlmsg_type and no “message 0”', () => {
    renderLab();
    type(box('ifi_index'), '-5');
    expect(box('ifi_index')).toHaveAttribute('aria-invalid', 'true');
    expect(box('ifi_index')).toHaveAccessibleDescription(
      'ifi_index is a whole number from 0 to 2,147,483,647; got -5.',
    );
    expect(box('nlmsg_type')).not.toHaveAttribute('aria-invalid');
    expect(document.body.textContent).not.toMatch(/message 0/);
  });

  it.each([
    ['nlmsg_seq', 'nlmsg_seq is a whole number from 0 to 4,294,967,295; got -5.'],
    ['ifi_family', 'ifi_family is a whole number from 0 to 255; got -5.'],
    ['nlmsg_type', 'nlmsg_type is a whole number from 0 to 65,535; got -5.'],
  ])('%s −5 is an error on that field (never wrapped silently)', (name, said) => {
    const { store } = renderLab();
    const before = store.getState().bytes;
    type(box(name), '-5');
    expect(box(name)).toHaveAttribute('aria-invalid', 'true');
    expect(box(name)).toHaveAccessibleDescription(said);
    expect(store.getState().bytes).toBe(before); // the last good buffer stays
    expect(box('nla_type')).not.toHaveAttribute('aria-invalid');
  });

  it('nlmsg_type 7 (no type of NETLINK_ROUTE): said on nlmsg_type, not on nla_type', () => {
    renderLab();
    type(box('nlmsg_type'), '7');
    expect(box('nlmsg_type')).toHaveAttribute('aria-invalid', 'true');
    expect(box('nlmsg_type')).toHaveAccessibleDescription(/^nlmsg_type 7 is no message type of this family/);
    expect(box('nla_type')).not.toHaveAttribute('aria-invalid');
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    expect(box('nlmsg_type')).toHaveAccessibleDescription(/不是这个协议族的消息类型/);
  });
});

describe('Netlink msghdr: the iovec lengths', () => {
  it('a bad length marks the field and is read with it', () => {
    renderLab();
    const iov = screen.getByRole('textbox', { name: /iovec/ });
    type(iov, '16 x');
    expect(iov).toHaveAttribute('aria-invalid', 'true');
    const described = (iov.getAttribute('aria-describedby') ?? '').split(' ');
    const err = document.getElementById(described[0]!);
    expect(err).toHaveClass('field-error');
    expect(err?.textContent).not.toBe('');
  });
});

describe('Netlink hex editor', () => {
  it('echoes an emoji whole, never half of it', () => {
    renderLab();
    const hex = box('Bytes (hex)');
    type(hex, '28 00 😀');
    expect(hex).toHaveAccessibleDescription(/^“😀” is not a hex digit/);
    expect(hex.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a paste longer than any buffer, says so in both languages, keeps the last good text', () => {
    const { store } = renderLab();
    const hex = box('Bytes (hex)') as HTMLTextAreaElement;
    const before = hex.value;
    const bytes = store.getState().bytes;
    type(hex, 'zz'.repeat(MAX_HEX_TEXT));
    expect(hex).toHaveAccessibleDescription(
      /^The pasted text is 2,097,152 characters long: the editor takes at most 1,048,576/,
    );
    expect(store.getState().bytes).toBe(bytes);
    expect(store.getState().hexText).toBe(before);
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    expect(box('字节（十六进制）')).toHaveAccessibleDescription(/^粘贴的文本有 2,097,152 个字符/);
  });
});
