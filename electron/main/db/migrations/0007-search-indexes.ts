import type { Migration } from '../types';

// Issue 7: the name search reads a NOCASE range on the family name or the given name
// (repos/search.ts); the family name has had its index since migration 1, the given name had
// none, so every search by name read the whole patient table.
export const migration0007: Migration = {
  version: 7,
  name: 'search-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX patient_given_name ON patient (given_name COLLATE NOCASE);
    `);
  },
};
