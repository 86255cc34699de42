import { routeToHash, type Route } from '../state/route';

/** Changes screen through the URL hash; App listens for it, so Back and reload just work. */
export function navigate(route: Route): void {
  window.location.hash = routeToHash(route);
}
