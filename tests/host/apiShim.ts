import { CHANNELS } from '../../shared/ipc/channels';

/**
 * The browser host's stand-in for the preload: a classic script, served same-origin (so CSP
 * `script-src 'self'` allows it), that installs `window.api` with one frozen function per
 * channel, each POSTing to /api/<channel>. The per-run token travels as an HttpOnly cookie,
 * so this script never sees it.
 */
export function apiShimSource(): string {
  return `(() => {
  const channels = ${JSON.stringify(CHANNELS)};
  const call = (channel) => async (request) => {
    try {
      const response = await fetch('/api/' + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request === undefined ? {} : request),
        credentials: 'same-origin',
        // A save sent as the page unloads (reload, close) must still arrive.
        keepalive: true,
      });
      return await response.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: 'CryoLog could not reach its database host. Your entry is still on screen; try again.' } };
    }
  };
  const api = Object.freeze(Object.fromEntries(channels.map((c) => [c, call(c)])));
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
})();
`;
}
