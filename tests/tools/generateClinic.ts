// Builds a synthetic CryoLog database for benchmarks and manual checks:
//   tsx tests/tools/generateClinic.ts --sessions 100000 --patients 20000 --seed 1 --out /tmp/x.sqlite [--cycles-per-target 8]
// Progress and the time taken go to stderr; the counts, as JSON, to stdout.
import { parseArgs } from 'node:util';
import { generateClinic } from './synthetic/generateClinic';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    patients: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    'cycles-per-target': { type: 'string', default: '8' },
    out: { type: 'string' },
  },
});
if (!values.out) {
  process.stderr.write('Usage: tsx tests/tools/generateClinic.ts --sessions N --patients N --seed N --out FILE (FILE must not exist)\n');
  process.exit(2);
}

const started = performance.now();
let lastShown = 0;
const counts = generateClinic(values.out, {
  seed: Number(values.seed),
  patients: Number(values.patients),
  sessions: Number(values.sessions),
  cyclesPerTarget: Number(values['cycles-per-target']),
  onProgress: (done, total) => {
    const now = performance.now();
    if (done === total || now - lastShown > 1000) {
      lastShown = now;
      process.stderr.write(`${done}/${total} sessions, ${((now - started) / 1000).toFixed(1)} s\n`);
    }
  },
});
process.stderr.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${values.out}\n`);
process.stdout.write(`${JSON.stringify(counts)}\n`);
