import type { Handler } from './index';
import { localNow, requireDb } from './db';
import { loadSessionDocument } from '../db/repos/sessions';
import { loadSignedVersion, readSignoff } from '../db/repos/signoff';
import { notFound } from '../ipc/appError';
import { buildTextSummary } from '../../../shared/domain/summary';
import { validateSession } from '../../../shared/domain/rules';
import { currentRuleConfig } from './settings';

export const exportHandlers: { exportSession: Handler<'exportSession'> } = {
  exportSession: (ctx, { sessionId, version }) => {
    const db = requireDb(ctx);
    const current = readSignoff(db, sessionId);
    if (!current) throw notFound('That session');
    const doc = version === undefined ? loadSessionDocument(db, sessionId) : loadSignedVersion(db, sessionId, version);
    if (!doc) throw notFound(version === undefined ? 'That session' : `Version ${version} of that session`);
    // A signed version reads as it was signed: its signature, and the addenda up to it.
    const signoff =
      version === undefined
        ? current
        : { ...current, signedAt: current.versions[version - 1]!.signedAt, amending: false, versions: current.versions.filter((v) => v.version <= version) };
    const report = validateSession(doc, currentRuleConfig(ctx), { now: localNow(ctx) });
    const content = buildTextSummary(doc, report, { appVersion: ctx.appVersion, generatedAt: localNow(ctx), signoff });
    const suffix = version === undefined ? '' : `-v${version}`;
    return { format: 'text', fileName: `cryolog-${doc.session.startedAt.slice(0, 10)}-${doc.session.id.slice(0, 8)}${suffix}.txt`, content };
  },
};
