import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushLater } from '../../lab-kit/useLater.ts';
import { renderLab } from './render-lab.test-helper.tsx';

const fieldsTable = () => screen.getByRole('table', { name: /^Fields of message 1/ });

describe('<NetlinkLab>', () => {
  it('draws the default request: layout, byte grid and the fields as text', () => {
    const { container } = renderLab();
    expect(screen.getByRole('heading', { level: 1, name: 'Netlink messages' })).toBeInTheDocument();
    const svg = container.querySelector('svg[data-main-diagram]');
    expect(svg).toHaveAttribute('role', 'group');
    expect(svg?.getAttribute('aria-label')).toMatch(/RTM_GETLINK: 40 bytes/);
    const row = within(fieldsTable()).getByRole('row', { name: /nlmsg_len/ });
    // Little-endian, shown honestly: nlmsg_len = 40 is 28 00 00 00 in memory.
    expect(row).toHaveTextContent('28 00 00 00');
    expect(row).toHaveTextContent('40');
    expect(screen.getByRole('table', { name: /^Messages in the buffer/ })).toHaveTextContent('RTM_GETLINK');
  });

  it('focusing a field row lights its bytes in the grid', () => {
    const { container } = renderLab();
    const row = within(fieldsTable()).getByRole('row', { name: /nlmsg_type/ });
    act(() => row.focus());
    const lit = [...container.querySelectorAll('.nl-byte.is-lit')].map((e) => e.getAttribute('data-offset'));
    expect(lit).toEqual(['4', '5']);
    fireEvent.mouseEnter(container.querySelector('.nl-byte[data-offset="9"]')!);
    const seq = [...container.querySelectorAll('.nl-byte.is-lit')].map((e) => e.getAttribute('data-offset'));
    expect(seq).toEqual(['8', '9', '10', '11']);
    expect(container.querySelector('.nl-seg.is-lit')).toHaveAttribute('data-field', 'nlmsg_seq');
  });

  it('explains bad hex next to the editor and keeps the last good buffer', async () => {
    renderLab();
    const hex = screen.getByRole('textbox', { name: 'Bytes (hex)' });
    await userEvent.type(hex, ' 0');
    expect(hex).toHaveAttribute('aria-invalid', 'true');
    expect(hex).toHaveAccessibleDescription(/Odd number of hex digits/);
    expect(screen.getByText(/showing the last good/)).toBeInTheDocument();
    expect(within(fieldsTable()).getByRole('row', { name: /nlmsg_len/ })).toHaveTextContent('40');
  });

  it('a builder edit changes the bytes', async () => {
    renderLab();
    const seq = screen.getByRole('textbox', { name: 'nlmsg_seq' });
    await userEvent.clear(seq);
    await userEvent.type(seq, '7');
    expect(within(fieldsTable()).getByRole('row', { name: /nlmsg_seq/ })).toHaveTextContent('07 00 00 00');
    await userEvent.click(screen.getByRole('checkbox', { name: /^NLM_F_ACK 0x004/ }));
    // The views below the diagram follow after the edit has painted (useLater).
    act(() => flushLater());
    expect(screen.getByRole('table', { name: /^Messages in the buffer/ })).toHaveTextContent(/ACK/);
  });

  it('4,096 messages in 64 KiB stay a small page: windowed builder list, walk table and bar', () => {
    const { store, container } = renderLab();
    act(() => store.getState().load({ hexText: '10000000010001000000000000000000'.repeat(4096) }));
    act(() => flushLater());
    expect(screen.getByText(/65,536 bytes, 4,096 messages/)).toBeInTheDocument();
    expect(container.querySelectorAll('.nl-items li').length).toBeLessThanOrEqual(24);
    expect(container.querySelectorAll('.nl-walk-table tbody tr').length).toBeLessThanOrEqual(100);
    expect(container.querySelectorAll('.nl-walk-seg').length).toBeLessThanOrEqual(1);
    expect(container.querySelectorAll('*').length).toBeLessThan(4000);
  });

  it('edits a long buffer a page at a time: the box holds one page, the pages list the bytes', async () => {
    const { store } = renderLab();
    const msgs = '10000000010001000000000000000000'.repeat(1024); // 16 KiB: 4 pages
    act(() => store.getState().load({ hexText: msgs }));
    const hex = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Bytes (hex)' });
    expect(hex.value.split('\n')).toHaveLength(512);
    expect(hex).toHaveAccessibleDescription(/16,384 bytes.*page 1 of 4: bytes 0–4,095/);
    const pages = screen.getByRole('group', { name: 'Pages of the buffer' });
    const pick = within(pages).getByRole('combobox', { name: 'Page' });
    expect(
      within(pick)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '1: bytes 0–4,095',
      '2: bytes 4,096–8,191',
      '3: bytes 8,192–12,287',
      '4: bytes 12,288–16,383',
    ]);
    // At the first page, "Previous page" does nothing and keeps the focus.
    const prev = within(pages).getByRole('button', { name: 'Previous page' });
    expect(prev).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(hex).toHaveAccessibleDescription(/page 2 of 4: bytes 4,096–8,191/);
    expect(pages).toHaveTextContent(/page 2 of 4/); // said aloud (a polite live region)
    expect(hex.value.startsWith('10 00 00 00 01 00 01 00')).toBe(true);
    // A byte typed at the end of page 2 goes in at byte 8,192; the pages after it move by one.
    await userEvent.type(hex, ' ab');
    const s = store.getState();
    expect(s.hexError).toBeNull();
    expect(s.bytes.length).toBe(16385);
    expect([s.bytes[8191], s.bytes[8192], s.bytes[8193]]).toEqual([0x00, 0xab, 0x10]);
    expect(s.hexText.split('\n')[1023]).toBe('00 00 00 00 00 00 00 00 ab');
    expect(hex).toHaveAccessibleDescription(/16,385 bytes.*page 2 of 4: bytes 4,096–8,192/);
    // An odd digit: the error, and the last good buffer kept.
    await userEvent.type(hex, ' 1');
    expect(hex).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().bytes.length).toBe(16385);
    // Another page opens where the text is; the bytes are not touched.
    await userEvent.selectOptions(pick, '4: bytes 12,289–16,384');
    expect(hex.value.split('\n')[0]).toBe('10 00 00 00 01 00 01 00');
    expect(hex).toHaveAccessibleDescription(/page 4 of 4/);
  });

  describe('issue 15', () => {
    afterEach(() => vi.restoreAllMocks());

    it('logs no console error on load or while editing the msghdr diagram (two "(padding)" rows)', async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      renderLab();
      expect(screen.getAllByRole('rowheader', { name: /\(padding\)/ }).length).toBeGreaterThanOrEqual(2);
      await userEvent.click(screen.getByRole('checkbox', { name: /SCM_RIGHTS/ }));
      await userEvent.type(screen.getByRole('textbox', { name: 'iovec lengths' }), '16,24');
      expect(errors).not.toHaveBeenCalled();
    });

    it('shows the MSG_TRUNC badge only while the MSG_TRUNC box is on', async () => {
      const { store, container } = renderLab();
      // A buffer cut inside its message: the core reads it as truncated whatever the box says.
      act(() => store.getState().setHex('2800000012000103010000000000000000000000'));
      expect(store.getState().result.truncated).toBe(true);
      const summary = () => container.querySelector('.summary-line')!;
      expect(summary()).not.toHaveTextContent('MSG_TRUNC');
      await userEvent.click(screen.getByRole('checkbox', { name: /recvmsg cut this buffer short/ }));
      expect(summary()).toHaveTextContent('MSG_TRUNC');
    });

    it('the bit layout is reached by the keyboard and its arrow keys walk the fields', async () => {
      const { container } = renderLab();
      const svg = container.querySelector<SVGSVGElement>('svg[data-main-diagram]')!;
      expect(svg).toHaveAttribute('tabindex', '0');
      act(() => svg.focus());
      expect(container.querySelector('.nl-seg.is-lit')).toHaveAttribute('data-field', 'nlmsg_len');
      fireEvent.keyDown(svg, { key: 'ArrowDown' });
      expect(container.querySelector('.nl-seg.is-lit')).toHaveAttribute('data-field', 'nlmsg_type');
      const lit = [...container.querySelectorAll('.nl-byte.is-lit')].map((e) =>
        e.getAttribute('data-offset'),
      );
      expect(lit).toEqual(['4', '5']);
      expect(container.querySelector('#nl-layout-cursor')).toHaveTextContent(/nlmsg_type = 18/);
      fireEvent.keyDown(svg, { key: 'End' });
      expect(container.querySelector('.nl-seg.is-lit')).toHaveAttribute('data-field', 'payload');
    });
  });
});
