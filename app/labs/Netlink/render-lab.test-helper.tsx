/** The Netlink lab rendered with its own store and the page's i18n, for the lab's unit tests. */
import { render } from '@testing-library/react';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { NetlinkProvider, createNetlinkStore } from './store.ts';
import { NetlinkLab } from './NetlinkLab.tsx';

export function renderLab() {
  const store = createNetlinkStore();
  const view = render(
    <I18nProvider>
      <NetlinkProvider value={store}>
        <NetlinkLab />
      </NetlinkProvider>
    </I18nProvider>,
  );
  return { store, ...view };
}
