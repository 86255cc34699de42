import type { Handler } from './index';
import { localNow, requireDb } from './db';
import { loadSessionDocument } from '../db/repos/sessions';
import { notFound } from '../ipc/appError';
import { buildTextSummary } from '../../../shared/domain/summary';
import { validateSession } from '../../../shared/domain/rules';
import { currentRuleConfig } from './settings';

export const exportHandlers: { exportSession: Handler<'exportSession'> } = {
  exportSession: (ctx, { sessionId }) => {
    const doc = loadSessionDocument(requireDb(ctx), sessionId);
    if (!doc) throw notFound('That session');
    const content = buildTextSummary(doc, validateSession(doc, currentRuleConfig(ctx), { now: localNow(ctx) }), { appVersion: ctx.appVersion, generatedAt: localNow(ctx) });
    return { format: 'text', fileName: `cryolog-${doc.session.startedAt.slice(0, 10)}-${doc.session.id.slice(0, 8)}.txt`, content };
  },
};
