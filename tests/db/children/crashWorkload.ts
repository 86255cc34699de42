// Child process for crashKill.test.ts: runs one part of the real write path in a loop through
// dispatch, and after each step the app reports as done prints one line on stdout (written
// synchronously, so a line printed is a step acknowledged). The parent kills it with SIGKILL at
// a random moment and checks the database against what was printed.
//   autosave  field saves on one patient            "SAVED <patientId> <value>"
//   import    whole sessions (S1) in one transaction "IMPORTED <sessionId>"
//   sign      sign, open an amendment, change, sign  "SIGNED|AMENDING|CHANGED|RESIGNED <sessionId>"
//   open      opening (and migrating) the database   "OPENED <schemaVersion>"
//   migrate   the same, with each pending migration held open for 300 ms inside its
//             transaction (the real migrations, slowed), so kills land mid-migration
import fs from 'node:fs';
import path from 'node:path';
import { closeContext } from '../../../electron/main/context';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { openDatabase } from '../../../electron/main/db/open';
import { MIGRATIONS } from '../../../electron/main/db/migrations';
import type { SessionDocument } from '../../../shared/domain/model';
import { TEST_PIN, signedInContext } from '../../helpers/testClinician';

const [dir, mode, fixture] = process.argv.slice(2) as [string, string, string];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

if (mode === 'migrate') {
  const hold = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const slowed = MIGRATIONS.map((m) => ({ ...m, up: (db: Parameters<typeof m.up>[0]) => (m.up(db), hold(300)) }));
  say('MIGRATING');
  const opened = openDatabase(path.join(dir, 'cryolog.sqlite'), { migrations: slowed });
  say(`OPENED ${opened.schemaVersion}`);
  opened.db.close();
  process.exit(0);
}
const ctx = signedInContext({
  dbPath: path.join(dir, 'cryolog.sqlite'),
  appVersion: 'crash',
  // S1's day, so that signing it is not a late entry.
  clock: { now: () => new Date('2026-03-10T12:00:00Z'), offsetMinutes: () => 0 },
  log: { info: () => {}, error: () => {} },
});
if (ctx.startup.state !== 'ready') throw new Error(`not opened: ${JSON.stringify(ctx.startup)}`);
const ok = <T>(r: ReturnType<typeof dispatch>): T => {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as T;
};
const document = fixture ? (JSON.parse(fs.readFileSync(fixture, 'utf8')) as SessionDocument) : null;

switch (mode) {
  case 'open':
    say(`OPENED ${ctx.schemaVersion}`);
    break;
  case 'autosave': {
    const patient = ok<{ id: string }>(dispatch(ctx, 'createPatient', {}));
    for (let i = 1; ; i++) {
      const value = `Crash ${process.pid} ${i}`;
      ok(dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { givenName: value } }));
      say(`SAVED ${patient.id} ${value}`);
    }
  }
  case 'import':
    for (;;) say(`IMPORTED ${ok<{ sessionId: string }>(dispatch(ctx, 'importSession', { document })).sessionId}`);
  case 'sign':
    void (async () => {
      for (;;) {
        const { sessionId } = ok<{ sessionId: string }>(dispatch(ctx, 'importSession', { document }));
        ok(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN }));
        say(`SIGNED ${sessionId}`);
        ok(dispatch(ctx, 'beginAmendment', { sessionId, reason: 'Crash test amendment' }));
        say(`AMENDING ${sessionId}`);
        ok(dispatch(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Amended room' } }));
        say(`CHANGED ${sessionId}`);
        ok(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN }));
        say(`RESIGNED ${sessionId}`);
        // Let the backups each signature started run, as they do between clicks in the app.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    break;
}
if (mode !== 'sign') closeContext(ctx);
