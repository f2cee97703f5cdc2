/**
 * One store for the whole app, combined from one slice per lab (zustand's slices pattern).
 * `createAppStore()` builds a fresh store: the app makes one, every test makes its own.
 */
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import { createStore, useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { createFragmentSlice } from './fragment-slice.ts';
import type { FragmentSlice } from './fragment-slice.ts';
import { createSkbSlice } from './skb-slice.ts';
import type { SkbSlice } from './skb-slice.ts';
import { createSocketSlice } from './socket-slice.ts';
import type { SocketSlice } from './socket-slice.ts';
import { createJourneySlice } from './journey-slice.ts';
import type { JourneySlice } from './journey-slice.ts';
import { createReassembleSlice } from './reassemble-slice.ts';
import type { ReassembleSlice } from './reassemble-slice.ts';
import { createNetlinkSlice } from './netlink-slice.ts';
import type { NetlinkSlice } from './netlink-slice.ts';

// Later labs add their slices here (SocketSlice, NetlinkSlice, …).
export type AppState = FragmentSlice & SkbSlice & SocketSlice & JourneySlice & ReassembleSlice & NetlinkSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createFragmentSlice(...a),
    ...createSkbSlice(...a),
    ...createSocketSlice(...a),
    ...createJourneySlice(...a),
    ...createReassembleSlice(...a),
    ...createNetlinkSlice(...a),
  }));
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreProvider>');
  return store;
}

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
