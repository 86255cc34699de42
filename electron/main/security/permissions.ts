import { APP_ORIGIN, hasAllowedOrigin } from './origin';

// Electron security #5 (handle permission requests): Electron grants every permission by
// default. CryoLog needs no camera, microphone, location, notifications, MIDI, HID, USB,
// serial, fullscreen, pointer lock, storage access or external protocol handlers, so all are
// refused. The one exception is writing text to the clipboard: the session screen copies the
// paste-ready summary into the hospital notes with navigator.clipboard.writeText(), which
// Chromium models as 'clipboard-sanitized-write' (sanitised write only; reading the clipboard,
// 'clipboard-read', stays refused so the page can never see what else the clinician copied).
// Used by both session.setPermissionRequestHandler (which passes a URL) and
// session.setPermissionCheckHandler (which passes an origin); both parse the same way.

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: unknown,
  requestingUrl: unknown,
  allowedOrigins: readonly string[] = [APP_ORIGIN],
): boolean {
  return typeof permission === 'string' && ALLOWED_PERMISSIONS.has(permission) && hasAllowedOrigin(requestingUrl, allowedOrigins);
}
