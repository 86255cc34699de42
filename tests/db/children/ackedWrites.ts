// Child process for fsyncBeforeAck.test.ts: the real write path (dispatch → saveFields, the
// same call the window makes for each field), and after each save the app reports as done, an
// "ACK n" line written to a file of its own, so strace shows where each acknowledgement falls
// among the system calls. CRYOLOG_UNSAFE_SYNC=NORMAL lowers the setting after opening: the
// negative control that proves the trace analysis can fail.
import fs from 'node:fs';
import path from 'node:path';
import { closeContext } from '../../../electron/main/context';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { signedInContext } from '../../helpers/testClinician';

const [dir, countText] = process.argv.slice(2);
const ctx = signedInContext({ dbPath: path.join(dir!, 'cryolog.sqlite'), appVersion: 'trace', log: { info: () => {}, error: () => {} } });
const ok = <T>(r: ReturnType<typeof dispatch>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
};
const patient = ok<{ id: string }>(dispatch(ctx, 'createPatient', {}));
const acks = fs.openSync(path.join(dir!, 'acks.log'), 'w');
if (process.env.CRYOLOG_UNSAFE_SYNC) ctx.db!.pragma(`synchronous = ${process.env.CRYOLOG_UNSAFE_SYNC}`);
for (let i = 1; i <= Number(countText); i++) {
  ok(dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { givenName: `Name ${i}` } }));
  fs.writeSync(acks, `ACK ${i}\n`);
}
fs.closeSync(acks);
closeContext(ctx);
