import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { ImportRefused, importSessionDocument } from '../db/repos/importSession';
import { AppError } from '../ipc/appError';

export const importExportHandlers: { importSession: Handler<'importSession'> } = {
  // A refused import (references that do not hold together, or a patient whose identity
  // differs from the database's) is an expected answer with a message, not a failure.
  importSession: (ctx, { document }) => {
    const db = requireDb(ctx);
    try {
      return importSessionDocument(db, document, { newId: ctx.newId, at: stamp(ctx) });
    } catch (error) {
      if (error instanceof ImportRefused) throw new AppError('INVALID_PAYLOAD', error.message);
      throw error;
    }
  },
};
