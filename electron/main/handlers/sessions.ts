import type { Handler } from './index';
import { localNow, requireDb, stamp } from './db';
import { ENTITY_DEFS, type EntityName } from '../../../shared/domain/record';
import { deleteRow, getRow, insertRow, sessionIdOf, updateRow } from '../db/repos/entities';
import { insertSession, listRecentSessions, loadSessionDocument, touchSession } from '../db/repos/sessions';
import { insertAcknowledgement } from '../db/repos/acknowledgements';
import { appendAudit } from '../db/repos/audit';
import { searchSessions } from '../db/repos/search';
import { AppError, notFound } from '../ipc/appError';
import { prerenderPdfSoon } from '../export/prerender';

const LABELS: Record<EntityName, string> = {
  patient: 'That patient',
  allergy: 'That allergy',
  session: 'That session',
  teamMember: 'That team member',
  consentSite: 'That consented site',
  goal: 'That goal',
  diagnosticBlock: 'That diagnostic block',
  device: 'That device',
  target: 'That target',
  cycle: 'That freeze cycle',
  outcome: 'That outcome',
  complication: 'That complication',
  followUp: 'That follow-up',
};

export const sessionHandlers: {
  listSessions: Handler<'listSessions'>;
  startSession: Handler<'startSession'>;
  getSession: Handler<'getSession'>;
  addRow: Handler<'addRow'>;
  deleteRow: Handler<'deleteRow'>;
  saveFields: Handler<'saveFields'>;
  acknowledgeWarning: Handler<'acknowledgeWarning'>;
} = {
  listSessions: (ctx, { limit, search, after }) => {
    const db = requireDb(ctx);
    return search && search.trim() ? searchSessions(db, search, limit) : listRecentSessions(db, limit, after);
  },

  startSession: (ctx, { patientId }) => {
    const db = requireDb(ctx);
    if (!getRow(db, 'patient', patientId)) throw notFound('That patient');
    return db.transaction(() => insertSession(db, { id: ctx.newId(), patientId, startedAt: localNow(ctx), at: stamp(ctx) }))();
  },

  getSession: (ctx, { id }) => {
    const doc = loadSessionDocument(requireDb(ctx), id);
    if (!doc) throw notFound('That session');
    // The session screen's export buttons find a signed session's PDF ready, even one signed
    // before CryoLog started (nothing is prepared for an unsigned one).
    prerenderPdfSoon(ctx, id);
    return doc;
  },

  addRow: (ctx, { entity, parentId }) => {
    const db = requireDb(ctx);
    const parent = ENTITY_DEFS[entity].parent as EntityName;
    if (!getRow(db, parent, parentId)) throw notFound(LABELS[parent]);
    const at = stamp(ctx);
    return db.transaction(() => {
      const sessionId = sessionIdOf(db, parent, parentId);
      const row = insertRow(db, entity, ctx.newId(), parentId, at, {}, sessionId) as { id: string; seq: number };
      if (sessionId) touchSession(db, sessionId, at);
      return { id: row.id, seq: row.seq };
    })();
  },

  deleteRow: (ctx, { entity, id }) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    const found = db.transaction(() => {
      const sessionId = sessionIdOf(db, entity, id);
      const removed = deleteRow(db, entity, id, at, sessionId);
      if (removed && sessionId) touchSession(db, sessionId, at);
      return removed;
    })();
    if (!found) throw notFound(LABELS[entity]);
    return { deleted: true };
  },

  // The autosave path: one field change (or a few that belong together) per call, written
  // with its audit entries in one transaction; the answer comes only after the commit.
  saveFields: (ctx, req) => {
    const db = requireDb(ctx);
    if (req.entity === 'session' && req.patch.status === 'entered-in-error') {
      // One path for it, which keeps the record and locks it (markEnteredInError), not a field edit.
      throw new AppError('INVALID_PAYLOAD', 'To mark this record entered in error, use “Mark as entered in error” beside the signature: it keeps the record, with your reason, and locks it.');
    }
    const at = stamp(ctx);
    db.transaction(() => {
      if (!getRow(db, req.entity, req.id)) throw notFound(LABELS[req.entity]);
      const sessionId = sessionIdOf(db, req.entity, req.id);
      const changed = updateRow(db, req.entity, req.id, req.patch as Record<string, unknown>, at, sessionId);
      if (changed.length > 0 && sessionId && req.entity !== 'session') touchSession(db, sessionId, at);
    })();
    return { savedAt: at };
  },

  acknowledgeWarning: (ctx, req) => {
    const db = requireDb(ctx);
    if (!getRow(db, 'session', req.sessionId)) throw notFound('That session');
    const ack = { id: ctx.newId(), ...req, at: stamp(ctx) };
    db.transaction(() => {
      insertAcknowledgement(db, ack);
      appendAudit(db, { at: ack.at, action: 'create', entity: 'acknowledgement', entityId: ack.id, sessionId: req.sessionId, newValue: ack });
    })();
    return ack;
  },
};
