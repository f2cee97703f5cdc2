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

/** A query key as URLSearchParams reads it (`+` a space, percent-escapes decoded). */
const formKey = (k: string): string =>
  /[%+]/.test(k) ? ([...new URLSearchParams(`${k}=`).keys()][0] ?? '') : k;

/**
 * The `key=value` pairs of a query whose key is one of `keys`, as written, in order. What reads a
 * few page parameters (`view=`, `embed=`) of an address goes through this first: a lab's query
 * may carry a 130 KB `hex=`, and URLSearchParams over all of it, on every write of the address,
 * cost more than the edit that made it (issue 17). `new URLSearchParams(pairsOf(q, keys))` reads
 * those keys exactly as `new URLSearchParams(q)` does.
 */
export function pairsOf(query: string, keys: readonly string[]): string {
  const out: string[] = [];
  let from = 0;
  while (from <= query.length) {
    let to = query.indexOf('&', from);
    if (to < 0) to = query.length;
    const eq = query.indexOf('=', from);
    const key = query.slice(from, eq >= from && eq < to ? eq : to);
    if (keys.includes(formKey(key))) out.push(query.slice(from, to));
    from = to + 1;
  }
  return out.join('&');
}
