/**
 * `import` through the API's import service, the same code as
 * import.preview/commit over tRPC: the audit entry and the live event
 * are written inside the import's own transaction.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { commitImport, previewImport, type Actor, type ImportAnswer, type ImportRequest } from '@lagesbild/api';
import type { Database } from '@lagesbild/db';
import { formatNumber } from '@lagesbild/domain';
import { cliMessage, type DiffRow, type ImportIssue } from '@lagesbild/importer';
import { cliCommand, cliUser, ORG_ARG, positional, toggle, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

const IMPORT_USAGE = 'pnpm lagesbild import <fil> [--dry-run] [--yes] [--unit KOD] [--year ÅÅÅÅ] [--skip-missing]';

/** A dry run lists this many changed values; the summary counts them all. */
const SHOWN_CHANGES = 10;

export interface ImportCommandOptions {
  orgId: string;
  file: string | undefined;
  dryRun: boolean;
  /** --yes: the warnings have been read; commit anyway. */
  yes?: boolean;
  unit?: string | undefined;
  year?: string | undefined;
  skipMissing?: boolean;
  /** Audit actor and batch creator, e.g. "cli:greta". */
  user: string;
  cwd: string;
}

export const show = (n: number): string => formatNumber(n, Number.isInteger(n) ? 0 : 2);
const showValue = (v: DiffRow['new'] | null): string => (v === null ? '–' : v.denominator === null ? show(v.numerator) : `${show(v.numerator)}/${show(v.denominator)}`);

function printIssue(io: CliIo, i: ImportIssue): void {
  io.err(`${i.severity === 'error' ? 'FEL' : 'VARNING'}: ${cliMessage(i)}`);
}

/** Cells not imported: the places with an error, or the "?" skipped with --skip-missing. */
function rejectedCount(r: ImportAnswer): number {
  if (!r.ok) return new Set(r.errors.map((i) => `${i.sheet ?? ''}\u0000${i.row}\u0000${i.column ?? ''}`)).size;
  // The missing-mark warning is the only warning that expects a number (see wide-messages.ts).
  return r.warnings.filter((i) => i.expected === 'ett tal').length;
}

function summaryLine(r: ImportAnswer): string {
  const s = r.summary;
  return `${s.new} nya, ${s.changed} ändrade, ${s.unchanged} oförändrade, ${rejectedCount(r)} avvisade`;
}

function printChanges(io: CliIo, r: ImportAnswer): void {
  const changed = r.diff.filter((d) => d.kind === 'changed');
  if (changed.length === 0) return;
  io.out('Ändrade värden (sparat → nytt):');
  for (const d of changed.slice(0, SHOWN_CHANGES)) {
    const band = d.ageBand ? ` ${d.ageBand}` : '';
    io.out(`  ${d.kpi} ${d.unit} ${d.month} ${d.gender}${band}: ${showValue(d.old)} → ${showValue(d.new)} (rad ${d.row})`);
  }
  // The diff in the answer is capped (MAX_DIFF_ROWS); the summary is not.
  const more = r.summary.changed - Math.min(changed.length, SHOWN_CHANGES);
  if (more > 0) io.out(`  … och ${more} till.`);
}

function parseYear(year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  const y = Number(year);
  if (!/^\d{4}$/.test(year) || y < 1990 || y > 2100) throw new CliError(`Ogiltigt år "${year}". Ange året som fyra siffror, till exempel --year 2022.`, 2);
  return y;
}

export async function importCommand(database: Database, io: CliIo, opts: ImportCommandOptions): Promise<void> {
  if (!opts.file) throw new CliError(`Ange filen som ska importeras: ${IMPORT_USAGE}`, 2);
  if (opts.unit !== undefined && opts.unit.trim() === '') throw new CliError('Ange en enhetskod efter --unit, till exempel --unit EKBIST.', 2);
  const year = parseYear(opts.year);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(opts.cwd, opts.file));
  } catch (err) {
    throw new CliError(`Kan inte läsa filen "${opts.file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Kontrollera sökvägen.`);
  }
  if (bytes.length === 0) throw new CliError(`Filen ${basename(opts.file)} är tom. Inget har sparats.`);
  const req: ImportRequest = {
    fileName: basename(opts.file),
    bytes,
    year,
    unitCode: opts.unit?.trim(),
    skipMissingMarks: opts.skipMissing ?? false,
    confirmWarnings: opts.yes ?? false,
  };
  // A shell has no IP address.
  const actor: Actor = { id: opts.user, ip: null };
  const r = opts.dryRun ? await previewImport(database.db, opts.orgId, req, actor) : await commitImport(database.db, opts.orgId, req, actor);
  for (const i of r.errors) printIssue(io, i);
  for (const i of r.warnings) printIssue(io, i);
  if (!r.ok) throw new CliError(`Importen avbröts: ${r.errors.length} fel i ${r.fileName} (${summaryLine(r)}). Inget har sparats. Rätta felen och kör igen.`);
  if (r.alreadyImported) {
    io.out(`Filen ${r.fileName} är redan importerad; inget ändras.`);
    return;
  }
  if (r.dryRun) {
    io.out(`Provkörning (inget sparat): ${summaryLine(r)}.`);
    printChanges(io, r);
    if (r.warnings.length > 0) io.out(`${r.warnings.length} varningar: läs dem och importera med --yes för att spara ändå.`);
    return;
  }
  if (r.needsConfirmation) {
    printChanges(io, r);
    throw new CliError(
      `Importen har ${r.warnings.length} varningar och sparades inte (${summaryLine(r)}). Läs varningarna och kör samma kommando igen med --yes för att spara ändå.`,
    );
  }
  io.out(`Importerad som batch ${r.batchId ?? ''}: ${summaryLine(r)}.`);
}

export const importCli = cliCommand({
  name: 'import',
  description: `importera en lång CSV (kpi,unit,period,gender,value[,denominator]) eller en månadsrapport (CSV/XLSX)
Ett fel stoppar hela importen; varningar (t.ex. ändrade sparade värden) kräver --yes.`,
  args: {
    file: positional('<fil>', 'filen som ska importeras'),
    'dry-run': toggle('visa ändringarna utan att spara'),
    yes: toggle('spara trots varningar'),
    unit: value('KOD', 'enheten för rapportrader vars koppling saknar enhet'),
    year: value('ÅÅÅÅ', 'året för månadskolumner utan år'),
    'skip-missing': toggle('hoppa över "?", "..", "…", "–", "x" (uppgift saknas) med en varning'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: (args, c) =>
    importCommand(c.database, c.io, {
      orgId: c.orgId,
      file: args.file,
      dryRun: args['dry-run'],
      yes: args.yes,
      unit: args.unit,
      year: args.year,
      skipMissing: args['skip-missing'],
      user: cliUser(c.env),
      // pnpm runs root scripts from the repository root; INIT_CWD is where the user typed the command.
      cwd: c.env.INIT_CWD ?? process.cwd(),
    }),
});
