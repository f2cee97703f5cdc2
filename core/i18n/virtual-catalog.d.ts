/** A part of one language's catalog, cut at build time (vite.config.ts, lazyCatalogs). */
declare module 'virtual:sockscope-catalog/*' {
  const messages: Record<string, string>;
  export default messages;
}
