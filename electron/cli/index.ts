// Entry of the `cryolog` command (built to out/main/cli.js). It must not import 'electron':
// it runs under plain Node. Only the Node version check is loaded statically; the rest,
// including better-sqlite3, is imported once the check has passed.
import { EXIT } from './exitCodes';
import { processIo } from './io';
import { nodeVersionProblem } from './nodeCheck';

const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem) {
  processIo.err(problem);
  process.exitCode = EXIT.usage;
} else {
  // exitCode rather than process.exit(): a pending stdout write to a pipe is not cut short.
  import('./run')
    .then(({ run }) => run(process.argv.slice(2), processIo))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const detail = error instanceof Error ? (process.env.CRYOLOG_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
        processIo.err(`cryolog: unexpected error: ${detail}\nReport this message to the CryoLog service; set CRYOLOG_DEBUG=1 to include the full trace.`);
        process.exitCode = EXIT.failed;
      },
    );
}
