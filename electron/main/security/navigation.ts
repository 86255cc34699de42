import { hasAllowedOrigin } from './origin';

// Electron security #13 (limit navigation): the app routes on the client (URL hash), so the
// window never needs to leave its own origin. `will-navigate` and `will-redirect` call
// preventDefault() unless this returns true. Anything unparsable, credential-bearing or
// origin-less (javascript:, data:, file:, blob:, about:) is refused.
export function isAllowedNavigation(url: unknown, allowedOrigins: readonly string[]): boolean {
  return hasAllowedOrigin(url, allowedOrigins);
}

export interface WindowOpenDenial {
  action: 'deny';
}

// Electron security #14 (limit new windows): no window.open, no target=_blank, ever.
// Links to the outside world are not part of an offline clinical record.
export function denyWindowOpen(): WindowOpenDenial {
  return { action: 'deny' };
}
