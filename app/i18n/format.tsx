/**
 * Formatting a catalog message in React. react-intl's typed descriptors make `defineMessages`
 * tables (declared with @formatjs/intl's defineMessages, as core does, so the extractor reads app
 * and core alike) reject values; these helpers take any descriptor.
 */
import type { ReactNode } from 'react';
import type { IntlShape, MessageDescriptor } from 'react-intl';

type Values = Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;
type Format = (d: MessageDescriptor, values?: Values) => ReactNode;
type FormatString = (d: MessageDescriptor, values?: Record<string, string | number>) => string;

/** A message with rich values (links, `<code>` chunks) as React nodes. */
export function fmtNode(intl: IntlShape, d: MessageDescriptor, values?: Values): ReactNode {
  return (intl.formatMessage as unknown as Format)(d, values);
}

/** A message with plain values as a string (attributes, titles, status lines). */
export function fmt(intl: IntlShape, d: MessageDescriptor, values?: Record<string, string | number>): string {
  return (intl.formatMessage as unknown as FormatString)(d, values);
}

/** Several messages without values, in order (a table's column heads). */
export const fmtAll = (intl: IntlShape, ds: readonly MessageDescriptor[]): string[] =>
  ds.map((d) => fmt(intl, d));

/** `<code>` chunks of a message as code elements. */
export const codeChunks = (chunks: ReactNode[]): ReactNode => <code>{chunks}</code>;
