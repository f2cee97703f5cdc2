/** Test helpers: the recorded captures and tshark's facts (core/pcap/fixtures, tools/record-captures.py). */
import { readFileSync } from 'node:fs';

export type TsharkRow = Record<string, string>;

export interface SendCase {
  name: string;
  family: 'inet' | 'inet6';
  len: number;
  mtu: number;
  options_hex: string;
  dst_port: number;
  sent: number;
  received: number[];
}

export interface FragCase {
  name: string;
  family: 'inet' | 'inet6';
  len: number;
  id: number;
  dst_port: number;
  delivered: number[];
  delivered_equal: boolean[];
}

export interface CapturesJson {
  meta: Record<string, string>;
  sends: SendCase[];
  frag_cases: FragCase[];
  netlink: { source: string; frames: { protocol: number; direction: string; length: number }[] };
  files: Record<string, TsharkRow[]>;
}

const dir = new URL('./fixtures/', import.meta.url);

export const CAPTURES: CapturesJson = JSON.parse(readFileSync(new URL('captures.json', dir), 'utf8'));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, dir)));
}

export const FIXTURE_FILES = Object.keys(CAPTURES.files);
