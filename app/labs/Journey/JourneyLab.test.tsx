/**
 * The Journey lab's banner names a bad field as the form labels it (never the URL's `len:` or
 * `rcvbuf:`), in both languages.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { useLocaleStore } from '../../i18n/locale.ts';
import { createIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { CATALOGS } from '../../../core/i18n/index.ts';
import { JourneyLab } from './JourneyLab.tsx';
import { packetLabel } from './words.ts';
import { JourneyProvider, createJourneyStore } from './store.ts';

function renderLab() {
  const store = createJourneyStore();
  render(
    <I18nProvider>
      <JourneyProvider value={store}>
        <JourneyLab />
      </JourneyProvider>
    </I18nProvider>,
  );
  return store;
}

afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'en' });
});

const bannerNames = () => [...document.querySelectorAll('.banner li > strong')].map((s) => s.textContent);

describe('<JourneyLab> banner', () => {
  it('names each bad field by its label, in English and Chinese', () => {
    const store = renderLab();
    act(() => store.getState().setFields({ len: 'x', mtu: 'x', n: 'x', rcvbuf: 'x', buf: 'x' }));
    expect(bannerNames()).toEqual([
      'Payload length (bytes):',
      'MTU (bytes):',
      'Datagrams (sendto calls):',
      'sk_rcvbuf (bytes):',
      'recvfrom buffer (bytes):',
    ]);
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const zh = bannerNames();
    expect(zh).toHaveLength(5);
    for (const name of zh) expect(name).not.toMatch(/^(len|mtu|n|rcvbuf|buf):$/);
    expect(zh[3]).toMatch(/^sk_rcvbuf/);
    expect(zh[0]).toMatch(/：$/);
  });

  it('a field typed wrong is named by its label', () => {
    renderLab();
    fireEvent.input(screen.getByLabelText(/^MTU/), { target: { value: '-5' } });
    expect(bannerNames()).toEqual(['MTU (bytes):']);
  });

  it('in Chinese, the packets table names packets in Chinese (d1 用户缓冲区), not core’s English labels', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    renderLab();
    const heads = () =>
      [...screen.getByRole('table', { name: '这一步的数据包' }).querySelectorAll('tbody th')].map(
        (t) => t.textContent,
      );
    expect(heads()).toEqual(['d1 用户缓冲区']);
    // Every label core gives a packet, in Chinese (kernel names stay).
    const intl = createIntl({ locale: 'zh-CN', messages: CATALOGS['zh-CN'] });
    const say = (d: MessageDescriptor, v?: Record<string, string | number>) => intl.formatMessage(d, v);
    expect(
      [
        'frag 2',
        'rx frag 3',
        'ip datagram',
        'ip6 datagram',
        'reassembled',
        'datagram 2',
        '3 fragments',
        'recvfrom → 4000',
      ].map((l) => packetLabel(say, l)),
    ).toEqual([
      '分片 2',
      '收到的分片 3',
      'IP 数据报',
      'IPv6 数据报',
      '重组后的数据报',
      '数据报 2',
      '3 个分片',
      'recvfrom → 4000',
    ]);
  });
});
