// `npm run dev:browser`: CryoLog in the system browser, for development and demonstration
// where Electron cannot run. Same renderer, same handlers, same SQLite; only the transport
// differs. Records go to .dev-data/cryolog.sqlite in the repository (never the clinical
// database) unless --db <file> says otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startHost } from './server';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('(Could not open a browser here: open the link above yourself.)'));
  child.unref();
}

async function main(): Promise<void> {
const dbPath = path.resolve(argValue('--db') ?? path.join('.dev-data', 'cryolog.sqlite'));
const host = await startHost({ dbPath, appVersion: 'browser', verbose: true });
if (host.ctx.startup.state === 'failed') console.log(`Database problem: ${host.ctx.startup.title}: ${host.ctx.startup.message}`);
console.log(`CryoLog (browser mode) is serving ${dbPath}`);
console.log(`Open this link (it works once per run, on this computer only):\n  ${host.url}`);
console.log('Press Ctrl+C to stop.');
if (!process.argv.includes('--no-open')) openInBrowser(host.url);

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
}

void main();
