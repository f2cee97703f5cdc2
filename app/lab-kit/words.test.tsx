import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../core/i18n/index.ts';
import { dropsWords } from '../components/drops/words.ts';
import { kindLabels } from '../components/kinds.tsx';
import { useLocaleStore } from '../i18n/locale.ts';
import { IssuesBanner } from './IssuesBanner.tsx';
import { StepNav } from './StepNav.tsx';
import { parseStep, unknownParams } from './url.ts';
import { KIT, KIT_WORDS, kitWords } from './words.ts';

afterEach(() => act(() => useLocaleStore.setState({ locale: 'en' })));

const han = /[\u4e00-\u9fff]/;

describe("the kit's words come from the catalogs", () => {
  it('in English as before, and in Chinese', () => {
    expect(KIT_WORDS.stepOf(3, 1366)).toBe('Step 3 of 1,366');
    expect(KIT_WORDS.bannerStale(1)).toBe('One input needs fixing — showing the last good result.');
    expect(KIT_WORDS.bannerStale(2)).toBe('2 inputs need fixing — showing the last good result.');
    const zh = kitWords('zh-CN');
    for (const [k, v] of Object.entries(zh)) {
      const text = typeof v === 'function' ? (v as (...a: unknown[]) => string)(2, 3) : v;
      expect(text, k).toMatch(han);
      expect(text, k).not.toMatch(/app\.kit\./);
    }
    expect(zh.stepOf(3, 1366)).toContain('1,366');
    for (const w of Object.values(dropsWords('zh-CN'))) if (typeof w === 'string') expect(w).toMatch(han);
    expect(Object.values(kindLabels('zh-CN')).join(' ')).toContain('首部');
  });

  it('a bad step= with a message fallback is an issue the banner shows in the page language', () => {
    const { issues } = parseStep(new URLSearchParams('step=x'), msg(KIT.firstStep));
    expect(issues[0]?.message).toBe(
      'step=x is not a step number (they count from 1); showing the first step.',
    );
    const unknown = unknownParams('colour=red', ['len']);
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    render(<IssuesBanner issues={[...issues, ...unknown]} />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain('第一步');
    expect(banner.textContent).toContain('不是这个实验的参数');
    expect(banner.textContent).toContain('step=x');
  });

  it('StepNav speaks the page language', () => {
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    render(<StepNav index={1} count={4} onSelect={() => {}} />);
    expect(screen.getByRole('group').textContent).toContain('第 2 步，共 4 步');
    expect(screen.getByRole('button', { name: '下一步 →' })).toBeTruthy();
  });
});
