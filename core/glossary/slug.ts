/** The part of a message id an entry's key becomes: `socket()` → `socket`, `IPPROTO_*` → `IPPROTO`. */
export function glossarySlug(key: string): string {
  return key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}
