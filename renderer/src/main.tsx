import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './lib/api';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/context';
import { StartupProblemScreen } from './features/startup/StartupProblemScreen';
import { stayInApp } from './lib/stayInApp';
import { startingHash } from './lib/lastScreen';
import { parseRoute } from './state/route';
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
  // The screen it opens on, so the first questions include that screen's (App follows the same route).
  void store.getState().boot(parseRoute(startingHash(window.location.hash)));
}
