/**
 * A module-level set of words (`KIT_WORDS = kitWords('en')`), made when first read instead of when
 * its module loads: in the browser build the catalogs arrive after the code (issue 17,
 * core/i18n/catalogs-lazy.ts), so words rendered at import time would be message ids. The object
 * is made again until the catalogs are here, then kept.
 */
import { hasCatalog, LOCALES } from '../../core/i18n/index.ts';

export function lazyWords<T extends object>(make: () => T): T {
  let made: T | undefined;
  const get = (): T => {
    if (made) return made;
    const v = make();
    if (LOCALES.some(hasCatalog)) made = v;
    return v;
  };
  return new Proxy({} as T, {
    get: (_, k) => Reflect.get(get(), k),
    has: (_, k) => Reflect.has(get(), k),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, k) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), k);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
