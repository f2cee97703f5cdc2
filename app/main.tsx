import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyStoredTheme } from './hooks/useTheme.ts';
import { StoreProvider, createAppStore } from './store/index.ts';
import { startUrlSync } from './store/url-sync.ts';
import './styles.css';

applyStoredTheme();
const store = createAppStore();
startUrlSync(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
