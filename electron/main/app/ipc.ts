import { ipcMain } from 'electron';
import type { Ctx } from '../context';
import { registerIpc } from '../ipc/register';

// The only ipcMain user (Electron security #17): every channel goes through the sender check
// in registerIpc, then through dispatch's schema validation.
export function wireIpc(ctx: Ctx, allowedOrigins: readonly string[]): void {
  registerIpc(ipcMain, ctx, allowedOrigins);
}
