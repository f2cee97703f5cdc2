/**
 * Why text is not hex (parseHex's failure) as a catalog message, for the CLI's `--hex` and the
 * netlink encoder's `bytes` attributes in the reader's language. The English `why` of
 * parseHex stays for machines; core/hex/hex.test.ts checks that both say the same.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import type { HexFailure } from './index.ts';

const HM = defineMessages({
  'not-text': { id: 'hex.notText', defaultMessage: 'not hex: expected text' },
  char: {
    id: 'hex.char',
    defaultMessage: 'not hex: unexpected character "{at}"',
    description: 'at: the character, as typed.',
  },
  odd: { id: 'hex.odd', defaultMessage: 'odd number of hex digits ({at}): a byte needs two' },
});

/** A parseHex failure as a message (its `code` and `at`). */
export const hexFailMsg = (f: Pick<HexFailure, 'code' | 'at'>): Msg =>
  msg(HM[f.code] ?? HM.char, { at: f.at });
