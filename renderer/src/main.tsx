import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './lib/api';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/context';
import { StartupProblemScreen } from './features/startup/StartupProblemScreen';
import { stayInApp } from './lib/stayInApp';
import './styles.css';

stayInApp(window);

const root = createRoot(document.getElementById('root')!);
const api = getApi();
if (!api) {
  root.render(<StartupProblemScreen startup={{ state: 'no-bridge' }} />);
} else {
  const store = createAppStore(api);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
  void store.getState().boot();
}
