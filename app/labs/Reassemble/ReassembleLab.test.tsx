/**
 * What a student sees when one of the Reassembly lab's own fields is wrong: one message for the
 * field (never the sender's and the form's both), one limit (the one its hint gives), the field
 * marked invalid, and the banner naming the field as the form labels it, in both languages.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { useLocaleStore } from '../../i18n/locale.ts';
import { flushLater } from '../../lab-kit/useLater.ts';
import { ReassembleLab } from './ReassembleLab.tsx';
import { parseReassembleQuery } from './params.ts';
import { ReassembleProvider, createReassembleStore } from './store.ts';

function renderLab() {
  const store = createReassembleStore();
  render(
    <I18nProvider>
      <ReassembleProvider value={store}>
        <ReassembleLab />
      </ReassembleProvider>
    </I18nProvider>,
  );
  return store;
}

afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'en' });
});

const bannerItems = () =>
  within(document.querySelector('.banner') as HTMLElement)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const type = (label: RegExp, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('<ReassembleLab> input issues', () => {
  it.each([
    ['abc', 'UDP payload length (bytes): The payload length is a whole number of bytes from 0 to 65,535.'],
    [
      '99999999',
      'UDP payload length (bytes): The payload length is a whole number of bytes from 0 to 65,535.',
    ],
    ['70000', 'UDP payload length (bytes): The payload length is a whole number of bytes from 0 to 65,535.'],
  ])('a payload length of %s: one message, the hint’s limit', (text, said) => {
    renderLab();
    type(/^UDP payload length/, text);
    expect(document.querySelector('.banner-title')?.textContent).toMatch(/^One input needs fixing/);
    expect(bannerItems()).toEqual([said]);
    const input = screen.getByLabelText(/^UDP payload length/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // The hint gives the same range.
    expect(document.body.textContent).toContain('0 to 65,535 bytes');
  });

  it.each(['abc', '20', '99999999'])('an MTU of %s: one message, the hint’s limit', (text) => {
    renderLab();
    type(/^MTU/, text);
    expect(bannerItems()).toEqual([
      'MTU (bytes): The MTU is a whole number of bytes from 68 to 65,536 for IPv4.',
    ]);
    expect(screen.getByLabelText(/^MTU/)).toHaveAttribute('aria-invalid', 'true');
    expect(document.body.textContent).toContain('68 to 65,536 for IPv4');
  });

  it('a clock past 2^31 − 1 ms: the clock field is marked, in plain words (no URL syntax)', () => {
    renderLab();
    type(/^Watch the clock until/, '99999999999');
    const [item] = bannerItems();
    expect(item).toBe(
      'Watch the clock until (ms): A whole number of milliseconds from 0 to 2,147,483,647, or empty (100 ms after the last arrival).',
    );
    expect(item).not.toMatch(/=|frags|until is/);
    expect(screen.getByLabelText(/^Watch the clock until/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('ipfrag_max_dist and sk_rcvbuf are named by their labels, in both languages', () => {
    renderLab();
    type(/ipfrag_max_dist/, '99999999999');
    type(/sk_rcvbuf/, '1');
    expect(bannerItems()).toEqual([
      'ipfrag_max_dist (fragments): ipfrag_max_dist is a whole number of fragments from 0 (the check off) to 1,000,000, or empty for 64.',
      'sk_rcvbuf of the receiving socket (bytes): sk_rcvbuf is a whole number of bytes from 2,304 to 2,147,483,647, or empty for 212,992.',
    ]);
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const zh = bannerItems();
    expect(zh[0]).toMatch(/^ipfrag_max_dist（分片数）：/);
    expect(zh[1]).toMatch(/^接收套接字的 sk_rcvbuf（字节）：/);
    expect(zh.join('')).not.toMatch(/maxDist|rcvbuf:/);
  });

  it('in Chinese, the ICMP error an expired queue sends is named in Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const store = renderLab();
    const q = parseReassembleQuery(
      'len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=0,1&until=31000&source=remote',
    );
    act(() => store.getState().load(q.fields, q.step, q.issues));
    act(() => flushLater());
    const text = document.body.textContent ?? '';
    expect(text).toContain('ICMP 超时报文（分片重组超时）');
    expect(text).not.toContain('Time Exceeded (fragment reassembly)');
    // The drop note over the queue at the step that drops is in Chinese too.
    expect(text).not.toContain('Dropped at this step');
    // The expiry sentence has its number in Chinese too (总长未知, not “共 未知 字节”).
    expect(text).toContain('此时收到 2960 字节，总长未知');
  });
});
