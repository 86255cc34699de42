// The tamper-evident audit trail (issue 6): every entry is hash-chained to the one before, and
// a check of the whole chain names the first broken link when a row was changed, removed,
// inserted or reordered outside CryoLog (here: a second, raw SQLite connection with the
// append-only triggers dropped, as someone with a SQLite tool could do).
import { signInTestAdmin } from '../helpers/testClinician';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/main/context';
import { openDatabase } from '../../electron/main/db/open';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { auditEntryHash, type AuditChainContent } from '../../electron/main/db/auditChain';
import { appendAudit } from '../../electron/main/db/repos/audit';
import { verifyAuditChain } from '../../electron/main/db/repos/auditVerify';
import type { AuditTrailCheck } from '../../shared/ipc/contract';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { ACTIVITY_CLOCK_AT, call, recordActivity } from '../helpers/auditActivity';

type Row = AuditChainContent & { prev_hash: string | null; hash: string | null };

function activeDatabase() {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const ctx = testContext({ dbPath, clock: fixedClock(ACTIVITY_CLOCK_AT) });
  const { sessionId, cycleId } = recordActivity(ctx);
  const rows = ctx.db!.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
  // The temperature correction: an entry in the middle of the trail, with entries after it.
  const corrected = rows.find((r) => r.entity === 'cycle' && r.entity_id === cycleId && r.field === 'tipTempC' && r.action === 'update')!;
  return { ctx, dbPath, sessionId, rows, corrected };
}

/** A raw connection to the same file, with the audit trail's triggers dropped. */
function tamper(dbPath: string, change: (raw: Database.Database) => void): void {
  const raw = new Database(dbPath);
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;');
    change(raw);
  } finally {
    raw.close();
  }
}

const check = (ctx: Ctx) => call(ctx, 'verifyAuditTrail', {});

/** The rule as auditChain.ts documents it for IT, written out again independently of the app's code. */
function documentedHash(row: Row, prevHash: string): string {
  const values = [row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.session_id, row.field, row.old_value, row.new_value, row.reason, prevHash];
  const parts: Buffer[] = [Buffer.from('cryolog-audit-v1\n')];
  for (const v of values) {
    if (v === null) parts.push(Buffer.from('-\n'));
    else {
      const bytes = Buffer.from(String(v), 'utf8');
      parts.push(Buffer.from(`${bytes.length}:`), bytes, Buffer.from('\n'));
    }
  }
  return createHash('sha256').update(Buffer.concat(parts)).digest('hex');
}

describe('the audit trail is hash-chained', () => {
  it('a database with a real day of activity verifies, every entry hashed by the documented rule', () => {
    const { ctx, rows } = activeDatabase();
    expect(rows.length).toBeGreaterThan(20);
    expect(check(ctx)).toEqual({ ok: true, entries: rows.length, lastId: rows.at(-1)!.id, lastHash: rows.at(-1)!.hash });
    let prev = '0'.repeat(64);
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(documentedHash(row, prev));
      prev = row.hash!;
    }
  });

  it('two connections writing the same database (the app and the command line) keep one chain', () => {
    const { ctx, dbPath, sessionId } = activeDatabase();
    const other = testContext({ dbPath, clock: fixedClock(ACTIVITY_CLOCK_AT) });
    call(ctx, 'beginAmendment', { sessionId, reason: 'Second correction' });
    for (const [who, note] of [[other, 'from the other window'], [ctx, 'back in the first'], [other, 'and again']] as const) {
      call(who, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: note } });
    }
    expect(check(ctx)).toMatchObject({ ok: true });
    expect(check(other)).toEqual(check(ctx));
  });

  it('an entry whose text cannot be stored exactly (a lone surrogate) still verifies', () => {
    const { ctx } = activeDatabase();
    const db = ctx.db!;
    db.transaction(() => appendAudit(db, { at: ACTIVITY_CLOCK_AT, action: 'update', entity: 'setting', entityId: 'x', sessionId: null, reason: 'broken \ud800 pair' }))();
    expect(check(ctx)).toMatchObject({ ok: true });
  });

  it('the database itself refuses an entry without a hash linked to the last entry, and any change or removal', () => {
    const { dbPath, rows } = activeDatabase();
    const raw = new Database(dbPath);
    try {
      const insert = raw.prepare("INSERT INTO audit_log (at, action, entity, entity_id, prev_hash, hash) VALUES ('2026-03-10', 'create', 'patient', 'p', ?, ?)");
      expect(() => insert.run(null, null)).toThrow(/CRYOLOG_AUDIT_CHAIN/);
      expect(() => insert.run(rows[0]!.hash, 'a'.repeat(64))).toThrow(/CRYOLOG_AUDIT_CHAIN/);
      expect(() => raw.prepare("UPDATE audit_log SET new_value = '1' WHERE id = 2").run()).toThrow(/CRYOLOG_LOCKED/);
      expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/CRYOLOG_LOCKED/);
    } finally {
      raw.close();
    }
  });
});

describe('editing the audit trail outside the app makes the check fail at the first broken entry', () => {
  const brokenAt = (result: AuditTrailCheck, id: number, reason: RegExp) => {
    expect(result).toMatchObject({ ok: false, firstBrokenId: id });
    expect(!result.ok && result.reason).toMatch(reason);
  };

  it('(a) a changed value: broken at that entry, named by when, who and what', () => {
    const { ctx, dbPath, rows, corrected } = activeDatabase();
    tamper(dbPath, (raw) => raw.prepare("UPDATE audit_log SET new_value = '-90' WHERE id = ?").run(corrected.id));
    const result = check(ctx);
    brokenAt(result, corrected.id, /content does not match its hash/);
    expect(result).toEqual({ ok: false, entries: rows.length, firstBrokenId: corrected.id, reason: expect.any(String), at: corrected.at, who: corrected.actor, what: 'update cycle.tipTempC' });
  });

  it.each([
    ['actor', "'someone else'"],
    ['at', "'2026-03-09T08:00:00.000Z'"],
    ['reason', "'made up'"],
    ['session_id', 'NULL'],
  ])('(a) a changed %s is caught too', (column, value) => {
    const { ctx, dbPath, corrected } = activeDatabase();
    tamper(dbPath, (raw) => raw.prepare(`UPDATE audit_log SET ${column} = ${value} WHERE id = ?`).run(corrected.id));
    brokenAt(check(ctx), corrected.id, /content does not match its hash/);
  });

  it('(b) a removed entry: broken at the entry after it, and the app writing on does not hide it', () => {
    const { ctx, dbPath, sessionId, corrected } = activeDatabase();
    tamper(dbPath, (raw) => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(corrected.id));
    brokenAt(check(ctx), corrected.id + 1, new RegExp(`entry #${corrected.id} is missing`));
    call(ctx, 'beginAmendment', { sessionId, reason: 'Later change' });
    brokenAt(check(ctx), corrected.id + 1, /missing/);
  });

  it('(b) entries removed from the end: the trail was cut short, even after the app appends again', () => {
    const { ctx, dbPath, sessionId, rows } = activeDatabase();
    const last = rows.at(-1)!.id;
    tamper(dbPath, (raw) => raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(last - 1));
    brokenAt(check(ctx), last - 1, new RegExp(`#${last - 1} to #${last}, are missing: the trail was cut short`));
    expect(check(ctx)).toMatchObject({ at: null, who: null, what: null });
    call(ctx, 'beginAmendment', { sessionId, reason: 'Later change' });
    brokenAt(check(ctx), last + 1, new RegExp(`entries #${last - 1} to #${last} are missing`));
  });

  it.each([
    ['no hash', false, /has no hash/],
    ['a made-up hash, linked to the last entry', true, /content does not match its hash/],
  ])('(c) a forged entry at the end with %s: broken at the forged entry', (_, withHash, reason) => {
    const { ctx, dbPath, rows } = activeDatabase();
    const last = rows.at(-1)!;
    const fakeHash = createHash('sha256').update('plausible').digest('hex');
    tamper(dbPath, (raw) =>
      raw
        .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, field, new_value, prev_hash, hash) VALUES (?, ?, 'update', 'cycle', 'c', 'tipTempC', '-70', ?, ?)")
        .run(last.at, last.actor, withHash ? last.hash : null, withHash ? fakeHash : null),
    );
    brokenAt(check(ctx), last.id + 1, reason);
  });

  it('(c) a forged entry with a number CryoLog never gives (before the first) is caught', () => {
    const { ctx, dbPath, rows } = activeDatabase();
    tamper(dbPath, (raw) => raw.prepare("INSERT INTO audit_log (id, at, action, entity, entity_id, prev_hash, hash) VALUES (0, 'x', 'create', 'patient', 'p', ?, ?)").run('0'.repeat(64), rows[0]!.hash));
    brokenAt(check(ctx), 0, /content does not match its hash/);
  });

  it('(d) an edited entry with its hash recomputed to match: the next link breaks', () => {
    const { ctx, dbPath, corrected } = activeDatabase();
    const edited: Row = { ...corrected, new_value: '-90' };
    tamper(dbPath, (raw) => raw.prepare('UPDATE audit_log SET new_value = ?, hash = ? WHERE id = ?').run(edited.new_value, auditEntryHash(edited, edited.prev_hash!), corrected.id));
    brokenAt(check(ctx), corrected.id + 1, new RegExp(`does not follow on from entry #${corrected.id}`));
  });

  it('(e) two entries swapped (their content, hashes and links exchanged): broken at the first of them', () => {
    const { ctx, dbPath, corrected } = activeDatabase();
    const columns = ['at', 'actor', 'action', 'entity', 'entity_id', 'session_id', 'field', 'old_value', 'new_value', 'reason', 'prev_hash', 'hash'];
    tamper(dbPath, (raw) => {
      raw.exec('CREATE TEMP TABLE keep AS SELECT * FROM main.audit_log');
      const swap = raw.prepare(`UPDATE main.audit_log SET ${columns.map((c) => `${c} = (SELECT ${c} FROM temp.keep WHERE id = @other)`).join(', ')} WHERE id = @id`);
      swap.run({ id: corrected.id, other: corrected.id + 1 });
      swap.run({ id: corrected.id + 1, other: corrected.id });
    });
    brokenAt(check(ctx), corrected.id, /content does not match its hash/);
  });
});

describe('migration 5 (audit hash chain)', () => {
  it('hashes the audit rows of a schema-4 database in order, so it verifies, and the trail stays append-only', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const v4 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
    const insert = v4.db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    v4.db.transaction(() => {
      insert.run('2026-03-10T09:00:00.000Z', null, 'create', 'patient', 'p1', null, null, null, null, null);
      insert.run('2026-03-10T09:01:00.000Z', 'ward-pc\\nurse', 'update', 'patient', 'p1', null, 'familyName', null, '"Ó Briain"', null);
      insert.run('2026-03-10T09:02:00.000Z', 'cli:it', 'update', 'session', 's1', 's1', 'notes', '"a\\nb"', '"line1\nline2: -"', 'Day 5: reason');
      // More rows than one backfill batch, so the batches join up.
      for (let i = 0; i < 2100; i++) insert.run('2026-03-10T10:00:00.000Z', 'nurse', 'update', 'cycle', `c${i % 7}`, 's1', 'tipTempC', String(-70 - (i % 3)), String(-71 - (i % 3)), null);
    })();
    v4.db.close();

    const ctx = testContext({ dbPath: file, signedIn: false });
    const rows = ctx.db!.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    expect(rows).toHaveLength(2103);
    expect(rows[1]).toMatchObject({ actor: 'ward-pc\\nurse', new_value: '"Ó Briain"' });
    expect(verifyAuditChain(ctx.db!)).toMatchObject({ ok: true, entries: 2103, lastId: 2103 });
    let prev = '0'.repeat(64);
    for (const row of rows) {
      expect(row.hash).toBe(documentedHash(row, prev));
      prev = row.hash!;
    }

    // New entries chain on from the migrated ones; the append-only triggers are still there.
    signInTestAdmin(ctx); // creates the first account: one more entry
    call(ctx, 'createPatient', {});
    expect(check(ctx)).toMatchObject({ ok: true, entries: 2105 });
    expect(() => ctx.db!.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/CRYOLOG_LOCKED/);
    expect(() => ctx.db!.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/CRYOLOG_LOCKED/);
  });
});
