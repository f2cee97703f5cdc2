/** Switching the page to Chinese leaves no English in the sk_buff lab's “Bytes are” options. */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { useLocaleStore } from '../../i18n/locale.ts';
import { kindLabels } from '../../components/kinds.tsx';
import { SkbLab } from './SkbLab.tsx';
import { SkbProvider, createSkbStore } from './store.ts';

afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'en' });
});

describe('sk_buff lab, language switch', () => {
  it('the “Bytes are” options follow the page’s language', () => {
    render(
      <I18nProvider>
        <SkbProvider value={createSkbStore()}>
          <SkbLab />
        </SkbProvider>
      </I18nProvider>,
    );
    const options = (name: string) =>
      within(screen.getByRole('combobox', { name }))
        .getAllByRole('option')
        .map((o) => o.textContent);
    const en = options('Bytes are');
    expect(en).toEqual(Object.values(kindLabels('en')).slice(0, en.length));
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const zh = options('这些字节是');
    expect(zh).toHaveLength(en.length);
    for (const [i, o] of zh.entries()) expect(o, `option ${i}`).not.toBe(en[i]);
  });
});
