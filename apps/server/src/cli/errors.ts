import { InputError, NotFoundError } from '@lagesbild/api';
import { EmbeddedDatabaseError } from '@lagesbild/db';
import { PeriodParseError } from '@lagesbild/domain';
import { CliError, type CliIo } from './io.js';

/**
 * The CLI's one error handler: prints what went wrong and returns the exit
 * code. 1: the command could not do it (a missing file, a duplicate, a
 * database in use); 2: the command was given wrong (CliError says which).
 */
export function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CliError) {
    io.err(err.message);
    return err.exitCode;
  }
  // The services' Swedish messages are the answer; no stack trace for a mistake the user can fix.
  if (err instanceof NotFoundError || err instanceof InputError) {
    io.err(err.message);
    return 1;
  }
  if (err instanceof PeriodParseError) {
    io.err(err.message);
    return 2;
  }
  // A database in use (a second server) or damaged is not a bug: say only what and why.
  if (err instanceof EmbeddedDatabaseError) {
    io.err(err.message);
    return 1;
  }
  io.err(`Oväntat fel: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}
