import { useEffect } from 'react';
import { lazyScreen } from './lib/lazyScreen';
import { useApp } from './state/context';
import { parseRoute } from './state/route';
import { rememberScreen, startingHash } from './lib/lastScreen';
import { SaveIndicator } from './components/SaveIndicator';
import { StartupProblemScreen } from './features/startup/StartupProblemScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { FirstRunScreen } from './features/auth/FirstRunScreen';
import { SignInScreen } from './features/auth/SignInScreen';
import { AccountMenu } from './features/auth/AccountMenu';
import { useIdleLock } from './features/auth/useIdleLock';

const STARTUP_RECHECK_MS = 5_000;

// The screens after the first one are separate chunks: the window starts by parsing the home
// screen's code only (the whole renderer in one file made the first screen wait for the session
// screen, the rules, exports and settings). They are fetched once the first screen has its data
// and the page is idle (preloadScreens), so they neither delay the first list nor keep a later
// session waiting on a file (lib/lazyScreen.tsx).
const patientScreen = lazyScreen(() => import('./features/patient/PatientScreen').then((m) => m.PatientScreen));
const sessionScreen = lazyScreen(() => import('./features/session/SessionScreen').then((m) => m.SessionScreen));
const settingsScreen = lazyScreen(() => import('./features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const bulkExportScreen = lazyScreen(() => import('./features/export/BulkExportScreen').then((m) => m.BulkExportScreen));
const PatientScreen = patientScreen.Screen;
const SessionScreen = sessionScreen.Screen;
const SettingsScreen = settingsScreen.Screen;
const BulkExportScreen = bulkExportScreen.Screen;

function preloadScreens(): void {
  for (const screen of [sessionScreen, patientScreen, settingsScreen, bulkExportScreen]) void screen.preload().catch(() => undefined);
}

export function App() {
  const startup = useApp((s) => s.startup);
  const route = useApp((s) => s.route);
  const showRoute = useApp((s) => s.showRoute);
  const auth = useApp((s) => s.auth);
  const signedIn = auth?.user != null;
  useIdleLock();
  const recheckStartup = useApp((s) => s.recheckStartup);

  // The record database's integrity check runs in the background after start (seconds to a
  // minute on a large record): if it finds damage, its screen replaces whatever is shown.
  useEffect(() => {
    if (startup.state !== 'ready') return;
    const timer = window.setInterval(() => void recheckStartup(), STARTUP_RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [startup.state, recheckStartup]);

  useEffect(() => {
    if (startup.state !== 'ready' || !signedIn) return;
    let preload: number | null = null;
    const follow = () => {
      const route = parseRoute(window.location.hash);
      rememberScreen(route);
      void showRoute(route).then(() => {
        if (preload === null) preload = window.requestIdleCallback(preloadScreens, { timeout: 2_000 });
      });
    };
    const start = startingHash(window.location.hash);
    if (start !== window.location.hash) window.history.replaceState(null, '', start);
    follow();
    window.addEventListener('hashchange', follow);
    return () => {
      if (preload !== null) window.cancelIdleCallback(preload);
      window.removeEventListener('hashchange', follow);
    };
  }, [startup.state, signedIn, showRoute]);

  // Closing or reloading the window mid-typing: leaving the field saves it now rather than
  // after the typing pause, so the last keystrokes are sent before the page goes.
  useEffect(() => {
    const flush = () => (document.activeElement as HTMLElement | null)?.blur();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, []);

  if (startup.state === 'loading') return <main className="screen"><p className="muted">Opening the record database…</p></main>;
  if (startup.state !== 'ready') return <StartupProblemScreen startup={startup} />;
  if (!auth) return <main className="screen"><p className="muted">Opening the record database…</p></main>;
  if (!auth.accountsExist) return <FirstRunScreen />;
  // Signed out: nothing of the records is rendered. Locked: the screens stay as they were
  // (drafts, scroll, open panels) but hidden and inert under the lock screen, for whoever signs in.
  if (!signedIn && !auth.lockedBy) return <SignInScreen />;

  return (
    <>
      {!signedIn ? <SignInScreen /> : null}
      <div className="app-shell" hidden={!signedIn} inert={!signedIn}>
      <header className="top-bar">
        <a href="#/" className="brand" aria-label="CryoLog: recent sessions">
          CryoLog
        </a>
        <nav aria-label="Main">
          <a href="#/" className={route.name === 'home' ? 'nav-link current' : 'nav-link'} aria-current={route.name === 'home' ? 'page' : undefined}>
            Sessions and patients
          </a>
          <a href="#/exports" className={route.name === 'exports' ? 'nav-link current' : 'nav-link'} aria-current={route.name === 'exports' ? 'page' : undefined}>
            Bulk export
          </a>
          <a href="#/settings" className={route.name === 'settings' ? 'nav-link current' : 'nav-link'} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <SaveIndicator />
        <AccountMenu />
      </header>
      {route.name === 'home' ? <HomeScreen /> : null}
      {route.name === 'patient' ? <PatientScreen id={route.id} /> : null}
      {route.name === 'session' ? <SessionScreen id={route.id} /> : null}
      {route.name === 'settings' ? <SettingsScreen /> : null}
      {route.name === 'exports' ? <BulkExportScreen /> : null}
      </div>
    </>
  );
}
