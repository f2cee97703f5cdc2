/** A Chinese page says core's English words of the msghdr diagram and the padding rows in Chinese. */
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { flushLater } from '../../lab-kit/useLater.ts';
import { useLocaleStore } from '../../i18n/locale.ts';
import { renderLab } from './render-lab.test-helper.tsx';

afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'en' });
});

describe('Netlink in Chinese', () => {
  it('nl_pid 0 is “the kernel” and padding rows are named in Chinese; kernel names stay', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { store } = renderLab();
    act(() => store.getState().loadSample('genl-ctrl-getfamily'));
    act(() => flushLater());
    const text = document.body.textContent ?? '';
    expect(text).toContain('0（内核）');
    expect(text).toContain('（填充）');
    expect(text).not.toContain('(padding)');
    expect(text).not.toContain('the kernel)');
    expect(text).toContain('nl_pid');
  });
  it('the NLMSG_NEXT walk says its step in Chinese, with the C names as they are', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { store } = renderLab();
    act(() => store.getState().loadSample('genl-ctrl-getfamily'));
    act(() => store.getState().selectWalk(0));
    act(() => flushLater());
    const now = document.querySelector('.nl-walk-now')?.textContent ?? '';
    expect(now).toMatch(/NLMSG_OK 为 (true|false)/);
    expect(now).toMatch(/NLMSG_NEXT 移到|循环到此结束/);
    expect(now).not.toMatch(/moves to|the loop ends here/);
  });
});

describe('Netlink: an empty buffer', () => {
  it('says it is empty without “For message 1” over “No message.”, and no nlmsg_len of −1', () => {
    const { store } = renderLab();
    act(() => store.getState().setHex(''));
    act(() => flushLater());
    const text = document.body.textContent ?? '';
    expect(text).toContain('No message.');
    expect(text).not.toContain('For message 1');
    expect(text).not.toMatch(/[−-]1\b(?!\d)/);
  });
});
