import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { getRow, insertRow, listRows } from '../db/repos/entities';
import { listPatients, listSessionsForPatient } from '../db/repos/sessions';
import { notFound } from '../ipc/appError';

export const patientHandlers: {
  listPatients: Handler<'listPatients'>;
  createPatient: Handler<'createPatient'>;
  getPatient: Handler<'getPatient'>;
} = {
  listPatients: (ctx, { limit }) => listPatients(requireDb(ctx), limit),
  createPatient: (ctx) => {
    const db = requireDb(ctx);
    // Allergies start as "not asked": a blank must never read as "none known".
    return db.transaction(() => insertRow(db, 'patient', ctx.newId(), null, stamp(ctx), { allergyStatus: 'not-asked' }))();
  },
  getPatient: (ctx, { id }) => {
    const db = requireDb(ctx);
    const patient = getRow(db, 'patient', id);
    if (!patient) throw notFound('That patient');
    return { patient: { ...patient, allergies: listRows(db, 'allergy', id) }, sessions: listSessionsForPatient(db, id) };
  },
};
