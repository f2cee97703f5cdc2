import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FragmentLab } from './FragmentLab.tsx';
import { FragmentProvider, createFragmentStore } from './store.ts';

function renderLab() {
  const store = createFragmentStore();
  render(
    <FragmentProvider value={store}>
      <FragmentLab />
    </FragmentProvider>,
  );
  return store;
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: /^Wire packets/ }))
    .getAllByRole('row')
    .slice(1);

describe('<FragmentLab>', () => {
  it('reads the Wire packets table of the default send', () => {
    const store = renderLab();
    const table = screen.getByRole('table', { name: /^Wire packets/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['#', 'offset', 'payload length', 'total length', 'MF', 'DF', 'options']);
    const wire = store.getState().result!.wire;
    expect(bodyRows()).toHaveLength(wire.length);
    const first = within(bodyRows()[0]!).getAllByRole('cell');
    expect(first[0]).toHaveTextContent('0');
  });

  it('typing a bad MTU shows the message next to the field and keeps the table', async () => {
    renderLab();
    const before = bodyRows().length;
    const mtu = screen.getByRole('combobox', { name: 'MTU (bytes)' });
    await userEvent.clear(mtu);
    await userEvent.type(mtu, '20');
    expect(mtu).toHaveAttribute('aria-invalid', 'true');
    expect(mtu).toHaveAccessibleDescription(/MTU/);
    expect(screen.getByRole('status')).toHaveTextContent(/last good result/);
    expect(bodyRows()).toHaveLength(before);
  });

  it('shows the errno card for a failed send', async () => {
    const store = renderLab();
    store.getState().setFields({ len: '4000', pmtu: 'do' });
    const result = store.getState().result!;
    if (result.ok) return; // the stub core does not model DF yet
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent(result.errno);
    expect(within(card).getByRole('link')).toHaveTextContent(result.fn);
  });

  it('lists the trace steps with links to elixir.bootlin.com', () => {
    const store = renderLab();
    const steps = within(screen.getByRole('list', { name: 'Kernel steps' }));
    const trace = store.getState().result!.trace;
    expect(steps.getAllByRole('button')).toHaveLength(trace.length);
    expect(steps.getAllByRole('link')[0]).toHaveAttribute(
      'href',
      `https://elixir.bootlin.com/linux/v6.18/source/${trace[0]!.file}`,
    );
  });
});
