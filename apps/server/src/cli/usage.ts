/**
 * Usage and the check of a command's arguments, both from the command's own
 * definitions (citty's args). citty itself accepts any flag and prints its
 * usage in English with colours chosen at import time; here a flag a command
 * does not have is refused, in Swedish, with that command's usage.
 */
import { parseArgs } from 'node:util';
import type { ArgDef } from 'citty';
import type { CliCommand } from './command.js';
import { pad } from './io.js';

const PROGRAM = 'pnpm lagesbild';
const HELP_FLAGS = new Set(['--help', '-h']);

export const wantsHelp = (args: string[]): boolean => args.some((a) => HELP_FLAGS.has(a));

const entries = (cmd: CliCommand): [string, ArgDef][] => Object.entries(cmd.args);
const positionals = (cmd: CliCommand) => entries(cmd).filter(([, d]) => d.type === 'positional');
const flags = (cmd: CliCommand) => entries(cmd).filter(([, d]) => d.type !== 'positional');

/** A positional as the usage shows it: its valueHint (e.g. "<fil>"), else <name>. */
const positionalLabel = ([name, d]: [string, ArgDef]): string => d.valueHint ?? `<${name}>`;
const flagLabel = ([name, d]: [string, ArgDef]): string => (d.type === 'boolean' ? `--${name}` : `--${name} ${d.valueHint ?? 'VÄRDE'}`);

/** "pnpm lagesbild query --kpi ID --unit KOD --period P [--gender K|M|T] …": required flags bare, the others in brackets. */
function synopsis(cmd: CliCommand): string {
  const parts = [...positionals(cmd).map(positionalLabel), ...flags(cmd).map((f) => (f[1].required ? flagLabel(f) : `[${flagLabel(f)}]`))];
  return [PROGRAM, cmd.meta.name, ...parts].join(' ');
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${pad(l, width)}${r}`.trimEnd());
}

/** `<kommando> --help`: the synopsis, the description, then every argument and flag with what it does. */
export function usage(cmd: CliCommand): string {
  const args = positionals(cmd).map((p): [string, string] => [positionalLabel(p), p[1].description ?? '']);
  const opts = flags(cmd).map((f): [string, string] => [flagLabel(f), f[1].description ?? '']);
  opts.push(['-h, --help', 'visa den här hjälpen']);
  const lines = [`Användning: ${synopsis(cmd)}`, '', cmd.meta.description, ''];
  if (args.length > 0) lines.push('Argument:', ...table(args));
  lines.push('Flaggor:', ...table(opts));
  return lines.join('\n');
}

/** `pnpm lagesbild` alone or with --help: one line per command, from the same definitions. */
export function overview(commands: CliCommand[]): string {
  const rows = commands.map((c): [string, string] => [c.meta.name, c.meta.description.split('\n')[0] ?? '']);
  const scoped = commands.filter((c) => 'org' in c.args).map((c) => c.meta.name);
  return [
    `Lägesbild – kommandon (${PROGRAM} <kommando>):`,
    ...table(rows),
    `"${PROGRAM} <kommando> --help" visar kommandots argument och flaggor.`,
    `Organisation: --org <id> för ${scoped.join(', ')} (standard LAGESBILD_ORG, annars katrineholm).`,
    'Databas: PostgreSQL om DATABASE_URL är satt, annars inbäddad PGlite i LAGESBILD_DATA_DIR (standard .data/pglite).',
  ].join('\n');
}

const list = (xs: string[]): string => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} och ${xs.at(-1) ?? ''}`);

/**
 * What is wrong with the arguments, in Swedish, or null: a flag the command does not have, a flag
 * without its value (or a switch given one), an argument too many, a required flag missing.
 */
export function argumentProblem(cmd: CliCommand, args: string[]): string | null {
  const defs = new Map(flags(cmd));
  const options = Object.fromEntries([...defs].map(([name, d]) => [name, { type: d.type === 'boolean' ? ('boolean' as const) : ('string' as const), multiple: true }]));
  // Not strict: the tokens say which flag is wrong, where strict mode's errors say it in English.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const where = `för kommandot ${cmd.meta.name}`;
  let given = 0;
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (++given > positionals(cmd).length) return `Okänt argument "${t.value}" ${where}.`;
      continue;
    }
    if (t.kind !== 'option') continue;
    const d = defs.get(t.name);
    if (!d || t.rawName.length === 2) return `Okänd flagga "${t.rawName}" ${where}.`;
    if (d.type === 'boolean' && t.value !== undefined) return `Flaggan ${t.rawName} tar inget värde; skriv bara ${t.rawName}.`;
    if (d.type !== 'boolean' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) {
      return `Flaggan ${t.rawName} behöver ett värde: ${flagLabel([t.name, d])}.`;
    }
    seen.add(t.name);
  }
  const missing = [...defs].filter(([name, d]) => d.required && !seen.has(name)).map(flagLabel);
  return missing.length > 0 ? `Kommandot ${cmd.meta.name} behöver ${list(missing)}.` : null;
}
