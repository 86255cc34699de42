import { hasAllowedOrigin } from './origin';

// Electron security #17 (validate the sender of every IPC message), with VS Code's rule from
// src/vs/base/parts/ipc/electron-main/ipcMain.ts: the frame must be a top-level frame
// (`parent === null`) and its URL must have one of the app's origins. A sub-frame, a
// destroyed frame or another origin gets nothing, even if it somehow reached the preload.

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined, allowedOrigins: readonly string[]): boolean {
  try {
    if (frame === null || frame === undefined || typeof frame !== 'object') return false;
    // Strictly null: undefined means "not a WebFrameMain", not "top-level".
    if (frame.parent !== null) return false;
    return hasAllowedOrigin(frame.url, allowedOrigins);
  } catch {
    // Reading a disposed WebFrameMain throws in Electron; a frame we cannot read is not trusted.
    return false;
  }
}
