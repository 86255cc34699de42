import { createElement, useEffect, useState, type ComponentType } from 'react';

/**
 * A screen whose code is a separate chunk, fetched on first use or earlier by `preload`.
 * Why not React.lazy with Suspense: React holds a Suspense boundary's content back for up to
 * 300 ms after its fallback showed (its reveal throttle, on a timer), so even a chunk already
 * fetched cost the clinician a visible pause on first opening a session. Here a screen whose
 * chunk has arrived renders at once, like any other component; one not yet fetched shows
 * "Opening…" for as long as the file read takes, and nothing waits on a timer.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): { Screen: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // a failed read (a file being replaced mid-update) is tried again next time
        throw error;
      },
    ));

  function Screen(props: P) {
    const [, setArrived] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      preload().then(
        () => current && setArrived((n) => n + 1),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, []);
    if (loaded) return createElement(loaded, props);
    return (
      <main className="screen">
        <p className={failed ? 'error' : 'muted'} role={failed ? 'alert' : undefined}>
          {failed ? 'This screen could not be opened. Restart CryoLog; if it happens again, call IT. Nothing was lost.' : 'Opening…'}
        </p>
      </main>
    );
  }
  return { Screen, preload };
}
