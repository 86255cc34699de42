import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { getPatient, insertPatient, listPatients } from '../db/repos/patients';
import { listSessionsForPatient } from '../db/repos/sessions';
import { notFound } from '../ipc/appError';

export const patientHandlers: {
  listPatients: Handler<'listPatients'>;
  createPatient: Handler<'createPatient'>;
  getPatient: Handler<'getPatient'>;
} = {
  listPatients: (ctx, { limit }) => listPatients(requireDb(ctx), limit),
  createPatient: (ctx) => {
    const db = requireDb(ctx);
    return db.transaction(() => insertPatient(db, ctx.newId(), stamp(ctx)))();
  },
  getPatient: (ctx, { id }) => {
    const db = requireDb(ctx);
    const patient = getPatient(db, id);
    if (!patient) throw notFound('That patient');
    return { patient, sessions: listSessionsForPatient(db, id) };
  },
};


