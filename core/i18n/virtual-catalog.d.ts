/** A part of one language's catalog, cut and compiled to ICU ASTs at build time (vite.config.ts, lazyCatalogs). */
declare module 'virtual:sockscope-catalog/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  const messages: Record<string, MessageFormatElement[]>;
  export default messages;
}
