// Power-cut safety of the real write path, from the system calls: strace records a child
// process that saves fields through dispatch and writes "ACK n" once each save is reported
// done. Every acknowledgement must be preceded (since the one before) by a write to the WAL
// and an fsync/fdatasync of it: what the user was told is saved is on the disk, not only in
// the page cache. reliability.md measured why: with synchronous=NORMAL, emulated power cuts
// lost acknowledged rows. The same analysis on a child run with NORMAL must fail, or the test
// proves nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ensureBuild';
import { tempDir } from '../helpers/tempDir';

const SAVES = 20;

interface Trace {
  acks: number;
  /** Acknowledgements with no WAL write + fsync since the previous one. */
  unsynced: number[];
}

function traceSaves(extraEnv: Record<string, string> = {}): Trace {
  const dir = tempDir();
  const log = path.join(dir, 'strace.log');
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(
    'strace',
    ['-f', '-y', '-qq', '-s', '32', '-e', 'trace=write,pwrite64,fsync,fdatasync', '-o', log, tsx, path.join(__dirname, 'children', 'ackedWrites.ts'), dir, String(SAVES)],
    { encoding: 'utf8', env: { ...process.env, ...extraEnv } },
  );
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('strace is not installed. This test traces the write path with it: apt-get install strace (.ci/run installs it).');
  }
  expect(r.status, r.stderr).toBe(0);
  let wroteWal = false;
  let synced = false;
  const trace: Trace = { acks: 0, unsynced: [] };
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    const call = line.match(/^\d+\s+(\w+)\((\d+)<([^>]*)>/);
    if (!call) continue;
    const [, name, , file] = call;
    if (file!.endsWith('acks.log') && name === 'write') {
      trace.acks += 1;
      if (!(wroteWal && synced)) trace.unsynced.push(trace.acks);
      wroteWal = false;
      synced = false;
    } else if (file!.endsWith('cryolog.sqlite-wal')) {
      if (name === 'write' || name === 'pwrite64') {
        wroteWal = true;
        synced = false; // a sync counts only after the write it makes durable
      } else if (wroteWal) synced = true;
    }
  }
  return trace;
}

// strace exists on Linux only (CI, the team's machines); elsewhere the test says why it did not run.
if (process.platform !== 'linux') console.warn('Skipping the strace durability test: strace is Linux-only.');
describe.skipIf(process.platform !== 'linux')('every save acknowledged is on the disk first (strace of the real write path)', () => {
  it('each ACK follows a write to the WAL and an fsync/fdatasync of it', () => {
    const t = traceSaves();
    expect(t.acks).toBe(SAVES);
    expect(t.unsynced).toEqual([]);
  });

  it('the same analysis catches synchronous=NORMAL (acknowledged but not yet synced)', () => {
    const t = traceSaves({ CRYOLOG_UNSAFE_SYNC: 'NORMAL' });
    expect(t.acks).toBe(SAVES);
    expect(t.unsynced.length).toBeGreaterThan(SAVES / 2);
  });
});
