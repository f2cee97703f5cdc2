import { act, render as rtlRender, screen, waitFor } from '@testing-library/react';
import type { RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { ShareBar } from './ShareBar.tsx';

const render = (ui: ReactElement, opts: RenderOptions = {}) =>
  rtlRender(ui, { ...opts, wrapper: I18nProvider });

const PAGE = 'http://localhost:3000/#/fragment?len=4000&mtu=1500';

function setClipboard(writeText: ((t: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    value: writeText ? { writeText } : undefined,
    configurable: true,
  });
}

describe('ShareBar', () => {
  beforeEach(() => window.history.replaceState(null, '', '/#/fragment?len=4000&mtu=1500'));
  afterEach(() => {
    vi.restoreAllMocks();
    setClipboard(undefined);
    window.history.replaceState(null, '', '/');
  });

  it('offers Copy link, Export SVG, Export PNG and Copy embed code in a named group', () => {
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />);
    const group = screen.getByRole('group', { name: 'Share this lab' });
    expect(group).toBeInTheDocument();
    for (const name of ['Copy link', 'Export SVG', 'Export PNG', 'Copy embed code'])
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open in sockscope/ })).toBeNull();
  });

  it('Copy link copies the address and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard(writeText);
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(PAGE);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied the link.');
  });

  it('inside an embed, Copy link copies the full-page link and Open links to it', async () => {
    window.history.replaceState(null, '', '/#/fragment?len=4000&mtu=1500&embed=1');
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard(writeText);
    render(<ShareBar lab="fragment" title="Fragmentation" embed />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(PAGE);
    const open = screen.getByRole('link', { name: 'Open in sockscope ↗' });
    expect(open).toHaveAttribute('href', PAGE);
    expect(open).toHaveAttribute('target', '_blank');
    expect(screen.queryByRole('button', { name: 'Copy embed code' })).toBeNull();
  });

  it('Copy embed code copies the drop-in code of this state and opens the choices', async () => {
    const writeText = vi.fn((_t: string) => Promise.resolve());
    setClipboard(writeText);
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />);
    const button = screen.getByRole('button', { name: 'Copy embed code' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(writeText.mock.calls[0]![0]).toBe(
      [
        '<script src="http://localhost:3000/embed.js" defer></script>',
        '<div data-sockscope="#/fragment?len=4000&amp;mtu=1500" data-lang="en"></div>',
      ].join('\n'),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Copied the embed code.');
    const panel = screen.getByRole('group', { name: 'Embed code' });
    expect(panel).toBeInTheDocument();

    // The teacher picks the diagram view and the plain iframe: the box and the copy follow.
    await userEvent.click(screen.getByRole('radio', { name: 'Diagram only' }));
    expect(screen.getByRole('textbox', { name: 'The embed code' })).toHaveValue(
      [
        '<script src="http://localhost:3000/embed.js" defer></script>',
        '<div data-sockscope="#/fragment?len=4000&amp;mtu=1500" data-view="diagram" data-lang="en"></div>',
      ].join('\n'),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Plain iframe' }));
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    const code = writeText.mock.calls[1]![0];
    expect(code).toContain(
      '<iframe src="http://localhost:3000/#/fragment?len=4000&amp;mtu=1500&amp;view=diagram&amp;lang=en&amp;embed=1"',
    );
    expect(code).toContain('title="sockscope: Fragmentation"');
    await userEvent.click(screen.getByRole('button', { name: 'Close the embed code' }));
    expect(screen.queryByRole('group', { name: 'Embed code' })).toBeNull();
  });

  it('the embed code keeps the theme, controls and view of the address', async () => {
    window.history.replaceState(null, '', '/#/fragment?len=4000&view=compact&controls=len,mtu&theme=dark');
    const writeText = vi.fn((_t: string) => Promise.resolve());
    setClipboard(writeText);
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy embed code' }));
    expect(writeText.mock.calls[0]![0]).toContain(
      '<div data-sockscope="#/fragment?len=4000" data-view="compact" data-controls="len,mtu" data-theme="dark" data-lang="en"></div>',
    );
    expect(screen.getByRole('radio', { name: 'Compact' })).toBeChecked();
  });

  it('inside an embed, "Open in sockscope ↗" follows the lab: a state change updates its address', async () => {
    window.history.replaceState(null, '', '/#/fragment?len=4000&mtu=1500&embed=1');
    const listeners = new Set<() => void>();
    const subscribe = (cb: () => void) => (listeners.add(cb), () => void listeners.delete(cb));
    render(<ShareBar lab="fragment" title="Fragmentation" embed subscribe={subscribe} />);
    const open = screen.getByRole('link', { name: 'Open in sockscope ↗' });
    expect(open).toHaveAttribute('href', PAGE);
    // The student picks a preset: url-sync rewrites the address (replaceState, no event), then the store tells us.
    window.history.replaceState(null, '', '/#/fragment?len=65507&mtu=1500&embed=1');
    act(() => listeners.forEach((l) => l()));
    expect(open).toHaveAttribute('href', 'http://localhost:3000/#/fragment?len=65507&mtu=1500');
    // A pasted link (a hashchange) too.
    window.history.replaceState(null, '', '/#/fragment?len=9000&embed=1');
    act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(open).toHaveAttribute('href', 'http://localhost:3000/#/fragment?len=9000');
  });

  it('without a clipboard (or when it refuses), shows the text in a box to copy by hand', async () => {
    setClipboard(() => Promise.reject(new Error('NotAllowedError')));
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('copy the link from the box');
    const box = screen.getByRole('textbox', { name: 'Text to copy' });
    expect(box).toHaveValue(PAGE);
    expect(box).toHaveAttribute('readonly');
    expect(box).toHaveFocus();
  });

  it('Export says so when the lab shows no diagram', async () => {
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />, {
      container: document.body.appendChild(document.createElement('main')),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export SVG' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'This lab shows no diagram to export right now.',
    );
  });

  it('Export SVG saves the main diagram as sockscope-<lab>-<name>.svg', async () => {
    const main = document.body.appendChild(document.createElement('main'));
    main.innerHTML =
      '<svg data-main-diagram="fragments" width="200" height="40"><text x="4" y="20">#1 · 1,480 B</text></svg>';
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'),
      revokeObjectURL: () => {},
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ShareBar lab="fragment" title="Fragmentation" embed={false} />, {
      container: main.appendChild(document.createElement('div')),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export SVG' }));
    // The exporter is its own chunk, fetched on the first export: the status waits for it.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Saved sockscope-fragment-fragments.svg.'),
    );
    expect(names).toEqual(['sockscope-fragment-fragments.svg']);
    expect(blobs[0]!.type).toBe('image/svg+xml');
    // jsdom's Blob has no text(): read it as the page would have, with a FileReader.
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(blobs[0]!);
    });
    expect(text).toContain('#1 · 1,480 B');
    expect(text).toContain(
      '<desc>sockscope — Fragmentation: http://localhost:3000/#/fragment?len=4000&amp;mtu=1500</desc>',
    );
    main.remove();
  });
});
