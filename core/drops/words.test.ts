import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { counterEntry, knownCounters } from './counters.ts';
import { DROP_FUNCTION_TEXT, DROP_REASON_TEXT } from './reasons.ts';
import { SNMP_SECTIONS } from './types.ts';
import { counterMsg, dropFunctionMsg, dropReasonMsg } from './words.ts';

const HAN = /[\u4e00-\u9fff]/;

describe('core/drops sentences in the catalogs', () => {
  it('every reason and freeing function: the English catalog says what the table says, zh-CN says it in Chinese', () => {
    for (const [reason, text] of Object.entries(DROP_REASON_TEXT)) {
      const m = dropReasonMsg(reason);
      expect(m && formatMsg(m, 'en'), reason).toBe(text);
      expect(m && formatMsg(m, 'zh-CN'), reason).toMatch(HAN);
    }
    for (const [fn, text] of Object.entries(DROP_FUNCTION_TEXT)) {
      const m = dropFunctionMsg(fn);
      expect(m && formatMsg(m, 'en'), fn).toBe(text);
      expect(m && formatMsg(m, 'zh-CN'), fn).toMatch(HAN);
    }
    expect(dropReasonMsg('NO_SUCH_REASON')).toBeNull();
    expect(dropReasonMsg('toString')).toBeNull();
    expect(dropFunctionMsg('kfree_skb')).toBeNull();
  });
  it('every counter the model moves: the same English as counters.ts, a Chinese sentence', () => {
    let n = 0;
    for (const s of SNMP_SECTIONS)
      for (const c of knownCounters(s)) {
        const m = counterMsg(s, c);
        expect(m && formatMsg(m, 'en'), `${s}${c}`).toBe(counterEntry(s, c)?.text);
        expect(m && formatMsg(m, 'zh-CN'), `${s}${c}`).toMatch(HAN);
        n++;
      }
    expect(n).toBeGreaterThan(100);
    expect(counterMsg('Udp', 'NoSuchCounter')).toBeNull();
  });
  it('per-type ICMP counters from one template, the type name kept', () => {
    const m = counterMsg('IcmpMsg', 'OutType3');
    expect(m && formatMsg(m, 'en')).toBe(counterEntry('IcmpMsg', 'OutType3')?.text);
    expect(m && formatMsg(m, 'en')).toBe('ICMP messages of type 3 (Destination Unreachable) sent');
    const v6 = counterMsg('Icmp6', 'InType4');
    expect(v6 && formatMsg(v6, 'zh-CN')).toBe('收到的类型 4（Parameter Problem）ICMPv6 报文');
  });
});
