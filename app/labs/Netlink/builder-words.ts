/**
 * The builder's own issues (what the app checks before core encodes a row): a number the field
 * cannot hold, said on that field with its range; a message type whose attributes have no names.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const BW = defineMessages({
  range: {
    id: 'lab.netlink.builder.issue.range',
    defaultMessage: '<code>{field}</code> is a whole number from {min} to {max}; got {value}.',
    description:
      'A header field given a number it cannot hold (a negative one, too large); field is its kernel name.',
  },
  typeNoNames: {
    id: 'lab.netlink.builder.issue.typeNoNames',
    defaultMessage:
      '<code>nlmsg_type</code> {value} is no message type of this family, so its attributes have no names (<code>{name}</code>): pick a type from the list, or give the attributes by number.',
    description:
      'A numeric nlmsg_type the family does not define; name is the first attribute name it leaves unknown.',
  },
});

/** The builder's own issue ids (BuilderIssue.id) and their words. */
export const OWN_ISSUE_TEXT: Readonly<Record<string, (typeof BW)[keyof typeof BW]>> = {
  [BW.range.id]: BW.range,
  [BW.typeNoNames.id]: BW.typeNoNames,
};
