// Client-side routes kept in the URL hash, so a reload opens the same screen again.
export type Route = { name: 'home' } | { name: 'settings' } | { name: 'exports' } | { name: 'patient'; id: string } | { name: 'session'; id: string };

const UUID = '[0-9a-fA-F-]{36}';

export function parseRoute(hash: string): Route {
  const m = hash.match(new RegExp(`^#/(patient|session)/(${UUID})$`));
  if (m) return { name: m[1] as 'patient' | 'session', id: m[2]! };
  if (hash === '#/settings') return { name: 'settings' };
  if (hash === '#/exports') return { name: 'exports' };
  return { name: 'home' };
}

export function routeToHash(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'settings') return '#/settings';
  if (route.name === 'exports') return '#/exports';
  return `#/${route.name}/${route.id}`;
}
