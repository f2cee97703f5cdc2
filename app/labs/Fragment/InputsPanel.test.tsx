import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import type * as FieldModule from '../../components/Field.tsx';
import { FragmentProvider, createFragmentStore } from './store.ts';

/** Every render of a labelled field of the form (Field, and TextField around it). */
const renders = vi.hoisted(() => ({ fields: 0 }));
vi.mock('../../components/Field.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof FieldModule>();
  return {
    ...real,
    Field: (props: Parameters<typeof real.Field>[0]) => {
      renders.fields++;
      return real.Field(props);
    },
    TextField: (props: Parameters<typeof real.TextField>[0]) => {
      renders.fields++;
      return real.TextField(props);
    },
  };
});

function renderForm() {
  const store = createFragmentStore();
  render(
    <I18nProvider>
      <FragmentProvider value={store}>
        <InputsPanel />
      </FragmentProvider>
    </I18nProvider>,
  );
  return store;
}

afterEach(() => {
  renders.fields = 0;
});

describe('<InputsPanel> (issue 17: each input reads its own field)', () => {
  it('an MTU keystroke renders the MTU’s field alone, not the form’s other fields', () => {
    const store = renderForm();
    // The payload length, the MTU, the socket, PMTU, options, two device flags and sk_sndbuf.
    expect(renders.fields).toBe(8);
    renders.fields = 0;
    act(() => store.getState().setField('mtu', '576'));
    expect(renders.fields).toBe(1);
    expect(screen.getByRole('combobox', { name: 'MTU (bytes)' })).toHaveValue('576');
    // The presets follow every field: none is on at MTU 576.
    expect(screen.getByRole('button', { name: '4000 B over Ethernet' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('the inputs that depend on another field follow it', () => {
    const store = renderForm();
    const mtu = screen.getByRole('combobox', { name: 'MTU (bytes)' });
    const opts = screen.getByRole('textbox', { name: 'IPv4 options (hex)' });
    expect(mtu).toHaveAccessibleDescription('Device MTU, 68..65,536 for IPv4.');
    expect(opts).toBeEnabled();
    // The family: the MTU's range and the IPv4 options.
    act(() => store.getState().setField('family', 'inet6'));
    expect(mtu).toHaveAccessibleDescription('Device MTU, 1,280..65,536 for IPv6.');
    expect(opts).toBeDisabled();
    // The socket: a raw socket's protocol, an IP_HDRINCL socket's DF.
    expect(screen.queryByRole('textbox', { name: 'Raw protocol' })).toBeNull();
    act(() => store.getState().setField('sock', 'raw'));
    expect(screen.getByRole('textbox', { name: 'Raw protocol' })).toBeInTheDocument();
    act(() => store.getState().setField('sock', 'raw-hdrincl'));
    expect(screen.queryByRole('textbox', { name: 'Raw protocol' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'DF in the header you write' })).toBeInTheDocument();
    // The send-buffer check: sk_sndbuf.
    const sndbuf = screen.getByRole('textbox', { name: 'sk_sndbuf (bytes)' });
    expect(sndbuf).toBeEnabled();
    act(() => store.getState().setField('sndbufcheck', '0'));
    expect(sndbuf).toBeDisabled();
    // The payload's mode: its input.
    act(() => store.getState().setField('mode', 'sends'));
    expect(screen.queryByRole('textbox', { name: 'Payload length (bytes)' })).toBeNull();
    expect(screen.getByRole('textbox', { name: /^MSG_MORE sends/ })).toBeInTheDocument();
  });

  it('a problem shows at its own field', () => {
    const store = renderForm();
    act(() => store.getState().setField('mtu', '20'));
    expect(screen.getByRole('combobox', { name: 'MTU (bytes)' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Payload length (bytes)' })).not.toHaveAttribute(
      'aria-invalid',
    );
  });
});
