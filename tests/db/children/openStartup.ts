// Opens the database the way the app does and prints the startup status as JSON: run by
// readOnlyFile.test.ts as another (unprivileged) account.
import { closeContext, createContext } from '../../../electron/main/context';

const ctx = createContext({ dbPath: process.argv[2]!, appVersion: 'child', log: { info: () => {}, error: () => {} } });
process.stdout.write(JSON.stringify(ctx.startup));
closeContext(ctx);
