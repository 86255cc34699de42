import type { Migration } from '../types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-complete-record';
import { migration0003 } from './0003-sign-off-and-locks';
import { migration0004 } from './0004-timer-and-entered-in-error';
import { migration0005 } from './0005-audit-hash-chain';
import { migration0006 } from './0006-accounts';
import { migration0007 } from './0007-search-indexes';
import { migration0008 } from './0008-note-search';
import { migration0009 } from './0009-session-list-index';

/** Every migration, in order. Append only: a shipped migration is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
