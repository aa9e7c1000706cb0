import { createInterface } from 'node:readline/promises';

/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks the person at the terminal; absent when nobody can answer (a pipe, a script, a test), so a command that needs a yes refuses instead. */
  ask?(question: string): Promise<string>;
}

async function askTerminal(question: string): Promise<string> {
  // On stderr, so that stdout stays the command's output.
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  ...(process.stdin.isTTY ? { ask: askTerminal } : {}),
};

/** A mistake the user can fix; printed without a stack trace, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
