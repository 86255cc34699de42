import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { AppError, notFound } from '../ipc/appError';
import { getRow } from '../db/repos/entities';
import { readSignoff } from '../db/repos/signoff';
import { copyTargets, findLastTargets } from '../db/repos/repeatTargets';
import { stmt } from '../db/statements';

export const repeatTargetHandlers: { getLastTargets: Handler<'getLastTargets'>; repeatLastTargets: Handler<'repeatLastTargets'> } = {
  getLastTargets: (ctx, { sessionId }) => {
    const db = requireDb(ctx);
    if (!getRow(db, 'session', sessionId)) throw notFound('That session');
    return findLastTargets(db, sessionId);
  },

  // Checked and copied in one transaction: a target added meanwhile in another window is seen.
  // The database's lock triggers refuse the copy into a signed session too; the check here
  // only gives the clearer message.
  repeatLastTargets: (ctx, { sessionId }) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    return db.transaction(() => {
      const signoff = readSignoff(db, sessionId);
      if (!signoff) throw notFound('That session');
      if (signoff.signedAt && !signoff.amending) {
        throw new AppError('LOCKED', 'This session is signed, so no targets can be copied into it. To change it, start an amendment with a reason.');
      }
      const { n } = stmt(db, 'SELECT count(*) AS n FROM target WHERE session_id = ?').get(sessionId) as { n: number };
      if (n > 0) {
        throw new AppError('INVALID_PAYLOAD', `This session already has ${n === 1 ? 'a target' : `${n} targets`}, so the last session’s targets were not copied. Add any others with “Add target” or a preset.`);
      }
      const last = findLastTargets(db, sessionId);
      if (!last) throw new AppError('NOT_FOUND', 'This patient has no earlier session with targets to repeat. Add the targets with “Add target” or a preset.');
      return { copied: copyTargets(db, last.sessionId, sessionId, at, ctx.newId), fromSessionId: last.sessionId };
    })();
  },
};
