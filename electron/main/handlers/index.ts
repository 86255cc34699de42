import type { Channel } from '../../../shared/ipc/channels';
import type { ParsedReq, Res } from '../../../shared/ipc/contract';
import type { Ctx } from '../context';
import { patientHandlers } from './patients';
import { sessionHandlers } from './sessions';
import { exportHandlers } from './exports';
import { importExportHandlers } from './importExport';
import { appHandlers } from './app';
import { settingsHandlers } from './settings';
import { signoffHandlers } from './signoff';
import { timerHandlers } from './timer';
import { historyHandlers } from './history';
import { targetPresetHandlers } from './targetPresets';
import { repeatTargetHandlers } from './repeatTargets';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { authHandlers } from './auth';
import { noteSearchHandlers } from './noteSearch';

export type Handler<C extends Channel> = (ctx: Ctx, request: ParsedReq<C>) => Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Every channel's handler. The type makes a missing handler, or a wrong answer shape, a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...patientHandlers,
  ...sessionHandlers,
  ...exportHandlers,
  ...importExportHandlers,
  ...settingsHandlers,
  ...signoffHandlers,
  ...timerHandlers,
  ...historyHandlers,
  ...targetPresetHandlers,
  ...repeatTargetHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...authHandlers,
  ...noteSearchHandlers,
};
