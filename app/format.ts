import { format } from 'd3-format';

/** 1,366 — thousands separators for every count and byte number people read. */
export const num = format(',');
export const bytes = (n: number) => `${num(n)} B`;
export const hex = (bytes: readonly number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
export const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
