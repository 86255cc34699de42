import type { Handler } from './index';
import { localNow, requireDb } from './db';
import { loadSessionDocument } from '../db/repos/sessions';
import { readSignoff } from '../db/repos/signoff';
import { notFound } from '../ipc/appError';
import { buildTextSummary } from '../../../shared/domain/summary';
import { validateSession } from '../../../shared/domain/rules';
import { currentRuleConfig } from './settings';

export const exportHandlers: { exportSession: Handler<'exportSession'> } = {
  exportSession: (ctx, { sessionId }) => {
    const db = requireDb(ctx);
    const doc = loadSessionDocument(db, sessionId);
    const signoff = readSignoff(db, sessionId);
    if (!doc || !signoff) throw notFound('That session');
    const report = validateSession(doc, currentRuleConfig(ctx), { now: localNow(ctx) });
    const content = buildTextSummary(doc, report, { appVersion: ctx.appVersion, generatedAt: localNow(ctx), signoff });
    return { format: 'text', fileName: `cryolog-${doc.session.startedAt.slice(0, 10)}-${doc.session.id.slice(0, 8)}.txt`, content };
  },
};
