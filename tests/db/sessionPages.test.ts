// The home list pages through every session newest first (listSessions with an "after"
// cursor): pages joined end to end must be the whole list, in order, with no session twice or
// missing, even where sessions share a start time (the id breaks the tie).
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { SessionListItem } from '../../shared/ipc/contract';
import { testContext } from '../helpers/tempDir';

function clinic(sessions: number): Ctx {
  const ctx = testContext();
  const db = ctx.db!;
  const at = '2026-01-01T09:00:00.000Z';
  db.transaction(() => {
    db.prepare('INSERT INTO patient (id, family_name, given_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('00000000-0000-4000-8000-000000000001', 'Pager', 'Ann', at, at);
    const insert = db.prepare("INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)");
    for (let i = 0; i < sessions; i++) {
      // Three sessions per start time, their ids out of insertion order, so ties are many.
      const id = `00000000-0000-4000-8000-${String((i * 7919) % 100_000).padStart(12, '0')}`;
      const day = String(1 + Math.floor(i / 3) % 28).padStart(2, '0');
      const month = String(1 + Math.floor(i / 84)).padStart(2, '0');
      insert.run(id, '00000000-0000-4000-8000-000000000001', `2025-${month}-${day}T09:00:00+01:00`, at, at);
    }
  })();
  return ctx;
}

function page(ctx: Ctx, limit: number, after?: SessionListItem): SessionListItem[] {
  const r = dispatch(ctx, 'listSessions', after ? { limit, after: { startedAt: after.startedAt, id: after.id } } : { limit });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as SessionListItem[];
}

describe('paging through every session', () => {
  it('joins pages into the whole newest-first list, ties on the start time ordered by id', () => {
    const ctx = clinic(250);
    const whole = page(ctx, 500);
    expect(whole).toHaveLength(250);
    const expected = [...whole].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? -1 : 1));
    expect(whole.map((s) => s.id)).toEqual(expected.map((s) => s.id));

    const pages: SessionListItem[][] = [page(ctx, 40)];
    while (pages.at(-1)!.length === 40) pages.push(page(ctx, 40, pages.at(-1)!.at(-1)));
    expect(pages.map((p) => p.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(pages.flat().map((s) => s.id)).toEqual(whole.map((s) => s.id));
  });

  it('answers nothing after the oldest session', () => {
    const ctx = clinic(5);
    const whole = page(ctx, 10);
    expect(page(ctx, 10, whole.at(-1))).toEqual([]);
  });

  it('refuses a cursor with a search (a search answers one bounded page)', () => {
    const ctx = clinic(3);
    const [first] = page(ctx, 1);
    const r = dispatch(ctx, 'listSessions', { limit: 10, search: 'Pager', after: { startedAt: first!.startedAt, id: first!.id } });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_PAYLOAD');
  });
});
