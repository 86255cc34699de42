// A second program with the record database open, as CryoLog on the same computer would have
// it: opened the app's way (WAL), S2 imported through dispatch (a committed write that is still
// only in the -wal), then idle until killed. Prints "ready" once the write has committed.
import fs from 'node:fs';
import { closeContext } from '../../../electron/main/context';
import { signedInContext } from '../../helpers/testClinician';
import { dispatch } from '../../../electron/main/ipc/dispatch';

const [dbPath, sessionFile] = process.argv.slice(2) as [string, string];
const ctx = signedInContext({ dbPath, appVersion: 'holder', log: { error: () => undefined, info: () => undefined } });
const r = dispatch(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(sessionFile, 'utf8')) });
if (!r.ok) {
  process.stderr.write(`${r.error.message}\n`);
  closeContext(ctx);
  process.exit(1);
}
fs.writeSync(1, `ready ${(r.data as { sessionId: string }).sessionId}\n`);
setInterval(() => undefined, 60_000);
