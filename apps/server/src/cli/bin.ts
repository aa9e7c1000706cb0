import { runCli } from './main.js';

// `pnpm lagesbild …` from the repository root lands here.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Oväntat fel: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
