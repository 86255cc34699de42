import type { Handler } from './index';

export const appHandlers: { getStartupStatus: Handler<'getStartupStatus'>; getAppInfo: Handler<'getAppInfo'> } = {
  getStartupStatus: (ctx) => ctx.startup,
  getAppInfo: (ctx) => ({ appVersion: ctx.appVersion, schemaVersion: ctx.schemaVersion, dbPath: ctx.dbPath }),
};
