/**
 * What React does with props and preact/compat leaves to the browser, done before every render:
 * imported by ./client.ts, which is `react-dom/client` in this app (vite.config.ts), so it is in
 * place before the first root renders.
 *
 * `tabIndex`: Preact sets a prop an element has no DOM property for as an attribute of that name.
 * An SVG element (the Netlink lab's bit layout, the Socket lab's call path) has no `tabIndex`
 * property in every browser, and SVG attribute names are case-sensitive, so it got a `tabIndex`
 * attribute, which no browser reads: the element was no tab stop. React writes `tabindex`. It is
 * written as the `tabindex` attribute on every element here, HTML too, where it means the same
 * (HTML attribute names are not case-sensitive) and `tabIndex={undefined}` removes it, as React
 * does (through the property Preact wrote `tabIndex = ''`, which is 0: a tab stop).
 */
import { options } from 'preact';
import type { VNode } from 'preact';

const before = options.vnode;
options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown> | null;
  if (typeof vnode.type === 'string' && props && 'tabIndex' in props) {
    const value = props.tabIndex;
    delete props.tabIndex;
    props.tabindex = value;
  }
  before?.(vnode);
};
