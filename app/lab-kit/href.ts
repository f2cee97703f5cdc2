/**
 * An address cut into the parts sockscope reads: the page (`base`), its own query (`search`, where
 * `embed=1` or `challenge=1` may sit before the `#`), and the hash route's path and query.
 */
export interface HrefParts {
  base: string;
  search: string;
  path: string;
  query: string;
}

export function splitHref(href: string): HrefParts {
  const h = href.indexOf('#');
  const beforeHash = h < 0 ? href : href.slice(0, h);
  const hash = h < 0 ? '' : href.slice(h + 1);
  const s = beforeHash.indexOf('?');
  const q = hash.indexOf('?');
  return {
    base: s < 0 ? beforeHash : beforeHash.slice(0, s),
    search: s < 0 ? '' : beforeHash.slice(s + 1),
    path: q < 0 ? hash : hash.slice(0, q),
    query: q < 0 ? '' : hash.slice(q + 1),
  };
}

/** A page switch's value read as on: present, and neither `0` nor `false`. */
export const flagOn = (v: string | null): boolean => v !== null && v !== '0' && v !== 'false';

/** The key of one `key=value` of a query, decoded (as written when it does not decode). */
export const paramKey = (kv: string): string => {
  const k = kv.split('=')[0] ?? '';
  try {
    return decodeURIComponent(k);
  } catch {
    return k;
  }
};
