/**
 * How the CLI names the import options that messages refer to (ImportIssue.option); the web page words the
 * same options as its own fields (apps/dashboard, importer.option.* in the translations).
 */
import type { ImportIssue, ImportOptionName } from './errors.js';

export const CLI_OPTION_HINTS: Readonly<Record<ImportOptionName, string>> = {
  unit: 'Ange enheten med --unit KOD.',
  year: 'Ange året med --year ÅÅÅÅ.',
  skipMissing: 'Kör med --skip-missing för att hoppa över dem.',
  confirm: 'Kör igen med --yes för att spara ändå.',
};

/** The message as the CLI prints it: with the flag that applies the fix. */
export function cliMessage(i: Pick<ImportIssue, 'message' | 'option'>): string {
  return i.option === undefined ? i.message : `${i.message} ${CLI_OPTION_HINTS[i.option]}`;
}
