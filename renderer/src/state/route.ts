// Client-side routes kept in the URL hash, so a reload opens the same screen again.
export type Route = { name: 'home' } | { name: 'patient'; id: string } | { name: 'session'; id: string };

const UUID = '[0-9a-fA-F-]{36}';

export function parseRoute(hash: string): Route {
  const m = hash.match(new RegExp(`^#/(patient|session)/(${UUID})$`));
  if (m) return { name: m[1] as 'patient' | 'session', id: m[2]! };
  return { name: 'home' };
}

export function routeToHash(route: Route): string {
  return route.name === 'home' ? '#/' : `#/${route.name}/${route.id}`;
}
