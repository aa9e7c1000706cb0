import { reportError } from './errors.js';
import { processIo } from './io.js';
import { runCli } from './main.js';

// `pnpm lagesbild …` from the repository root lands here. runCli reports a command's errors itself;
// the catch is for one in closing the database afterwards.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => process.exit(reportError(err, processIo)),
);
