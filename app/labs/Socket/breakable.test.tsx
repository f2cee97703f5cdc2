/** The Socket result line breaks between a constant's words at 360 px, never inside one (SOCK_CL|OEXEC). */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { breakable } from './SocketSummary.tsx';

describe('breakable', () => {
  it('offers a break after each _ and |, and only there; the text is unchanged', () => {
    const call = 'socket(AF_NETLINK, SOCK_RAW|SOCK_NONBLOCK|SOCK_CLOEXEC, NETLINK_ROUTE)';
    const { container } = render(<p>{breakable(call)}</p>);
    expect(container.textContent).toBe(call);
    const html = container.innerHTML;
    expect(html).toContain('SOCK_<wbr>CLOEXEC');
    expect(html).toContain('RAW|<wbr>SOCK_');
    expect(container.querySelectorAll('wbr')).toHaveLength(7);
  });
});
