import type { Handler } from './index';
import { requireDb } from './db';
import { getRow } from '../db/repos/entities';
import { treatmentHistory } from '../db/repos/history';
import { notFound } from '../ipc/appError';

export const historyHandlers: {
  getTreatmentHistory: Handler<'getTreatmentHistory'>;
} = {
  getTreatmentHistory: (ctx, { patientId }) => {
    const db = requireDb(ctx);
    if (!getRow(db, 'patient', patientId)) throw notFound('That patient');
    return treatmentHistory(db, patientId);
  },
};
