import type { Session } from 'electron';
import { isPermissionAllowed } from '../security/permissions';
import { isAllowedRequest } from '../security/requests';

// Session-wide guards for the default session, installed on 'ready' before any page loads.
export function hardenSession(session: Session, allowedOrigins: readonly string[], devServerUrl: string | undefined): void {
  // Electron security #5: both handlers are needed for complete permission handling.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, allowedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, allowedOrigins),
  );
  // No USB/HID/serial/Bluetooth devices either.
  session.setDevicePermissionHandler(() => false);

  // Electron security #1: cancel every request that is not the app's own.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { devServerUrl });
    if (!allowed) console.warn(`[cryolog] Blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
