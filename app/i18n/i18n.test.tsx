import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../core/i18n/index.ts';
import { I18nProvider } from './I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MsgText } from './MsgText.tsx';
import {
  STORAGE_KEY,
  hashWithLang,
  initialLocale,
  langOfHref,
  startLocale,
  useLocaleStore,
} from './locale.ts';

afterEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  act(() => useLocaleStore.setState({ locale: 'en' }));
});

describe('the choice of language', () => {
  it('reads lang= from the hash query first, then from the page query', () => {
    expect(langOfHref('http://x/#/socket?domain=2&lang=zh-CN')).toBe('zh-CN');
    expect(langOfHref('http://x/?lang=zh-CN#/socket?domain=2')).toBe('zh-CN');
    expect(langOfHref('http://x/?lang=en#/socket?lang=zh-CN')).toBe('zh-CN');
    expect(langOfHref('http://x/#/socket')).toBeNull();
  });
  it('sets lang= in the hash, keeping every other parameter as written', () => {
    expect(hashWithLang('#/fragment?len=4000&embed=1', 'zh-CN')).toBe(
      '#/fragment?len=4000&embed=1&lang=zh-CN',
    );
    expect(hashWithLang('#/fragment?lang=zh-CN&len=1', 'en')).toBe('#/fragment?len=1&lang=en');
  });
  it('URL over storage over the browser', () => {
    history.replaceState(null, '', '/#/socket?lang=zh-CN');
    localStorage.setItem(STORAGE_KEY, 'en');
    expect(initialLocale()).toBe('zh-CN');
    history.replaceState(null, '', '/#/socket');
    expect(initialLocale()).toBe('en');
    localStorage.setItem(STORAGE_KEY, 'zh-CN');
    expect(initialLocale()).toBe('zh-CN');
  });
  it('startLocale sets <html lang> and follows a pasted lang=', () => {
    history.replaceState(null, '', '/#/socket?lang=zh-CN');
    const stop = startLocale();
    expect(document.documentElement.lang).toBe('zh-CN');
    history.replaceState(null, '', '/#/socket?lang=en');
    act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(document.documentElement.lang).toBe('en');
    stop();
  });
});

describe('<LanguageSwitch> and <MsgText>', () => {
  it('the switch is a labelled select; choosing 简体中文 stores it, writes lang= and re-renders core messages', async () => {
    history.replaceState(null, '', '/#/socket?domain=2');
    const m = msg({ id: 'socket.inet.walk.default' }, { protocol: 17 });
    render(
      <I18nProvider>
        <LanguageSwitch />
        <p data-testid="m">
          <MsgText msg={m} />
        </p>
      </I18nProvider>,
    );
    expect(screen.getByTestId('m').textContent).toContain('protocol 0 asks for the default');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('zh-CN');
    expect(location.hash).toBe('#/socket?domain=2&lang=zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByTestId('m').textContent).toContain('协议号 0');
    expect(screen.getByRole('combobox', { name: '语言' })).toBeTruthy();
  });
  it('MsgText puts kernel identifiers in <code> and shows a transitional string as it is', () => {
    const { container } = render(
      <I18nProvider>
        <MsgText msg={msg({ id: 'app.shell.tagline' })} />
        <MsgText msg="plain English" />
      </I18nProvider>,
    );
    expect(container.querySelector('code')?.textContent).toBe('socket()');
    expect(container.textContent).toContain('plain English');
  });
});
