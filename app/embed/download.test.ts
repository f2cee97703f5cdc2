import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, exportFileName } from './download.ts';

describe('exportFileName', () => {
  it('is sockscope-<lab>-<diagram>.<ext> in plain file-name characters', () => {
    expect(exportFileName('fragment', 'fragments', 'svg')).toBe('sockscope-fragment-fragments.svg');
    expect(exportFileName('skb', 'sk_buff', 'png')).toBe('sockscope-skb-sk-buff.png');
    expect(exportFileName('Socket', '  Call path! ', 'svg')).toBe('sockscope-socket-call-path.svg');
  });
  it('leaves out an empty diagram name and names a nameless lab "lab"', () => {
    expect(exportFileName('reassemble', '', 'svg')).toBe('sockscope-reassemble.svg');
    expect(exportFileName('', 'x', 'png')).toBe('sockscope-lab-x.png');
  });
});

describe('downloadBlob', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a hidden <a download> with an object URL, removes it, and revokes the URL later', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:fake/1');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: { href: string; download: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: document.body.contains(this) });
    });
    downloadBlob(new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'a.svg');
    expect(clicked).toEqual([{ href: 'blob:fake/1', download: 'a.svg', inPage: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(revoke).toHaveBeenCalledWith('blob:fake/1');
    vi.useRealTimers();
  });
});
