import { describe, expect, it } from 'vitest';
import { embedHref, embedSnippet, isEmbedHref, labOf, shareHref } from './embed-url.ts';

const BASE = 'https://example.org/docs/sockscope/';

describe('isEmbedHref', () => {
  it('reads embed from the hash query or the page query', () => {
    expect(isEmbedHref(`${BASE}#/fragment?len=4000&embed=1`)).toBe(true);
    expect(isEmbedHref(`${BASE}?embed=1#/fragment?len=4000`)).toBe(true);
    expect(isEmbedHref(`${BASE}index.html?embed#/skb`)).toBe(true);
  });
  it('is off without the parameter, or with 0 / false', () => {
    expect(isEmbedHref(`${BASE}#/fragment?len=4000`)).toBe(false);
    expect(isEmbedHref(`${BASE}#/fragment?embed=0`)).toBe(false);
    expect(isEmbedHref(`${BASE}?embed=false#/fragment`)).toBe(false);
    expect(isEmbedHref(BASE)).toBe(false);
    // A parameter that merely contains the word is not it.
    expect(isEmbedHref(`${BASE}#/fragment?noembed=1`)).toBe(false);
  });
});

describe('shareHref', () => {
  it('drops embed from both queries and keeps every other parameter as written', () => {
    expect(shareHref(`${BASE}#/fragment?len=4000&embed=1&mtu=1500`)).toBe(
      `${BASE}#/fragment?len=4000&mtu=1500`,
    );
    expect(shareHref(`${BASE}?embed=1&x=%20y#/socket?domain=AF_INET&embed=1`)).toBe(
      `${BASE}?x=%20y#/socket?domain=AF_INET`,
    );
    expect(shareHref(`${BASE}?embed=1#/skb?embed=1`)).toBe(`${BASE}#/skb`);
  });
  it('leaves a full-page address alone', () => {
    const href = `${BASE}#/journey?len=65507&mtu=68&family=inet&step=12`;
    expect(shareHref(href)).toBe(href);
    expect(shareHref(BASE)).toBe(BASE);
  });
});

describe('embedHref', () => {
  it('puts embed=1 last in the hash query, once', () => {
    expect(embedHref(`${BASE}#/fragment?len=4000`)).toBe(`${BASE}#/fragment?len=4000&embed=1`);
    expect(embedHref(`${BASE}#/fragment?embed=1&len=4000`)).toBe(`${BASE}#/fragment?len=4000&embed=1`);
    expect(embedHref(`${BASE}?embed=1#/skb`)).toBe(`${BASE}#/skb?embed=1`);
    expect(embedHref(`${BASE}#/netlink`)).toBe(`${BASE}#/netlink?embed=1`);
  });
  it('round-trips with shareHref', () => {
    const href = `${BASE}#/reassemble?len=4000&mtu=1500&order=2,1,3`;
    expect(isEmbedHref(embedHref(href))).toBe(true);
    expect(shareHref(embedHref(href))).toBe(href);
  });
});

describe('labOf', () => {
  it('is the route of the hash, without slashes or query', () => {
    expect(labOf(`${BASE}#/fragment?len=4000`)).toBe('fragment');
    expect(labOf(`${BASE}#/skb/`)).toBe('skb');
    expect(labOf(BASE)).toBe('');
  });
});

describe('embedSnippet', () => {
  const src = `${BASE}#/fragment?len=4000&mtu=1500&embed=1`;
  const code = embedSnippet(src, 'sockscope: "Fragmentation" <lab>');

  it('is an iframe with the address and title escaped for an attribute', () => {
    const iframe = code.split('\n')[0]!;
    expect(iframe).toContain(`src="${BASE}#/fragment?len=4000&amp;mtu=1500&amp;embed=1"`);
    expect(iframe).toContain('title="sockscope: &quot;Fragmentation&quot; &lt;lab&gt;"');
    expect(iframe).toContain('height="900"');
    expect(iframe).toMatch(/^<iframe [^>]*><\/iframe>$/);
  });

  it('parses back to the same address, and its listener sizes the iframe the message came from', () => {
    document.body.innerHTML = code.split('\n')[0]! + code.split('\n')[0]!;
    const frames = [...document.querySelectorAll('iframe')];
    expect(frames).toHaveLength(2);
    expect(frames[0]!.getAttribute('src')).toBe(src);
    const script = code.slice(code.indexOf('<script>') + 8, code.indexOf('</script>'));
    // Run the listener as a docs page would, with its own addEventListener.
    let listener: ((e: { data: unknown; source: unknown }) => void) | undefined;
    new Function('addEventListener', 'document', script)(
      (_type: string, cb: typeof listener) => (listener = cb),
      document,
    );
    listener!({
      data: { type: 'sockscope:height', height: 1234, path: 'fragment' },
      source: frames[1]!.contentWindow,
    });
    expect(frames[1]!.style.height).toBe('1234px');
    expect(frames[0]!.style.height).toBe('');
    listener!({ data: { type: 'other', height: 5 }, source: frames[0]!.contentWindow });
    listener!({ data: 'not an object', source: frames[0]!.contentWindow });
    expect(frames[0]!.style.height).toBe('');
    document.body.innerHTML = '';
  });
});
