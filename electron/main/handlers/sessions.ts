import type { Handler } from './index';
import { localNow, requireDb, stamp } from './db';
import { getPatient, updatePatient } from '../db/repos/patients';
import { getSession, insertSession, listRecentSessions, loadSessionDocument, touchSession } from '../db/repos/sessions';
import { deleteTarget, getTarget, insertTarget, updateTarget } from '../db/repos/targets';
import { deleteCycle, getCycle, insertCycle, updateCycle } from '../db/repos/cycles';
import { notFound } from '../ipc/appError';

export const sessionHandlers: {
  listSessions: Handler<'listSessions'>;
  startSession: Handler<'startSession'>;
  getSession: Handler<'getSession'>;
  addTarget: Handler<'addTarget'>;
  addCycle: Handler<'addCycle'>;
  deleteRow: Handler<'deleteRow'>;
  saveFields: Handler<'saveFields'>;
} = {
  listSessions: (ctx, { limit }) => listRecentSessions(requireDb(ctx), limit),

  startSession: (ctx, { patientId }) => {
    const db = requireDb(ctx);
    if (!getPatient(db, patientId)) throw notFound('That patient');
    return db.transaction(() => insertSession(db, { id: ctx.newId(), patientId, startedAt: localNow(ctx), at: stamp(ctx) }))();
  },

  getSession: (ctx, { id }) => {
    const doc = loadSessionDocument(requireDb(ctx), id);
    if (!doc) throw notFound('That session');
    return doc;
  },

  addTarget: (ctx, { sessionId }) => {
    const db = requireDb(ctx);
    if (!getSession(db, sessionId)) throw notFound('That session');
    const at = stamp(ctx);
    return db.transaction(() => {
      touchSession(db, sessionId, at);
      return insertTarget(db, ctx.newId(), sessionId, at);
    })();
  },

  addCycle: (ctx, { targetId }) => {
    const db = requireDb(ctx);
    const target = getTarget(db, targetId);
    if (!target) throw notFound('That target');
    const at = stamp(ctx);
    return db.transaction(() => {
      touchSession(db, target.sessionId, at);
      return insertCycle(db, ctx.newId(), targetId, target.sessionId, at);
    })();
  },

  deleteRow: (ctx, req) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    if (req.entity === 'target') {
      const target = getTarget(db, req.id);
      if (!target) throw notFound('That target');
      db.transaction(() => {
        deleteTarget(db, target, at);
        touchSession(db, target.sessionId, at);
      })();
    } else {
      const cycle = getCycle(db, req.id);
      if (!cycle) throw notFound('That freeze cycle');
      db.transaction(() => {
        deleteCycle(db, cycle, at);
        touchSession(db, cycle.sessionId, at);
      })();
    }
    return { deleted: true };
  },

  // The autosave path: one field change (or a few that belong together) per call, written
  // with its audit entries in one transaction; the answer comes only after the commit.
  saveFields: (ctx, req) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    db.transaction(() => {
      switch (req.entity) {
        case 'patient': {
          if (!getPatient(db, req.id)) throw notFound('That patient');
          updatePatient(db, req.id, req.patch, at);
          break;
        }
        case 'target': {
          const target = getTarget(db, req.id);
          if (!target) throw notFound('That target');
          if (updateTarget(db, target, req.patch, at).changed.length > 0) touchSession(db, target.sessionId, at);
          break;
        }
        case 'cycle': {
          const cycle = getCycle(db, req.id);
          if (!cycle) throw notFound('That freeze cycle');
          if (updateCycle(db, cycle, req.patch, at).changed.length > 0) touchSession(db, cycle.sessionId, at);
          break;
        }
      }
    })();
    return { savedAt: at };
  },
};
