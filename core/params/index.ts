/**
 * core/params — one parameter table per input language, shared by the CLI, the URL and the form:
 * sends (send.ts), fragment lists (frags.ts) and the netlink lab's inputs (netlink.ts).
 */
export * from './param.ts';
export * from './send.ts';
export * from './frags.ts';
export * from './netlink.ts';
