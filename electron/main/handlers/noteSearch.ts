import type { Handler } from './index';
import { requireDb } from './db';
import { searchNotes } from '../db/repos/noteSearch';

export const noteSearchHandlers: {
  searchNotes: Handler<'searchNotes'>;
} = {
  searchNotes: (ctx, { text, limit }) => searchNotes(requireDb(ctx), text, limit),
};
