import { ALL_UNITS, InputError, kpiPrognosesFor, loadEngineContext, NotFoundError, queryValue, type QueriedValue } from '@lagesbild/api';
import type { Database } from '@lagesbild/db';
import { parsePeriod, PeriodParseError, prognosNote, STATUS_META, type Gender, type Period } from '@lagesbild/domain';
import { cliCommand, needed, ORG_ARG, toggle, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

interface QueryOptions {
  orgId: string;
  kpi: string | undefined;
  unit: string | undefined;
  period: string | undefined;
  gender: string | undefined;
  /** One of the KPI's age bands ("18-24"); undefined for the total. */
  band: string | undefined;
  json: boolean;
  compare: boolean;
  /** Apply exactly the suppression a wall screen gets; without it the CLI, an administrator's tool, shows exact values. */
  suppress: boolean;
}

const USAGE = 'Användning: pnpm lagesbild query --kpi ID --unit KOD --period P [--gender K|M|T] [--band ÅLDER] [--compare] [--suppress] [--json]';

function parseGender(g: string | undefined): Gender {
  const v = (g ?? 'T').toUpperCase();
  if (v === 'K' || v === 'M' || v === 'T') return v;
  throw new CliError(`Ogiltigt kön "${g}". Använd K (kvinnor), M (män) eller T (totalt).`, 2);
}

function parsePeriodArg(p: string): Period {
  try {
    return parsePeriod(p);
  } catch (err) {
    if (err instanceof PeriodParseError) throw new CliError(err.message, 2);
    throw err;
  }
}

async function queryCommand(database: Database, io: CliIo, opts: QueryOptions): Promise<void> {
  if (!opts.kpi || !opts.unit || !opts.period) throw new CliError(USAGE, 2);
  const period = parsePeriodArg(opts.period);
  const gender = parseGender(opts.gender);
  const ctx = await loadEngineContext(database.db, opts.orgId);
  let v: QueriedValue;
  try {
    v = await queryValue(database.db, ctx, {
      kpi: opts.kpi,
      unit: opts.unit,
      period,
      gender,
      ageBand: opts.band,
      compare: opts.compare,
      suppress: opts.suppress,
      access: ALL_UNITS,
    });
  } catch (err) {
    if (err instanceof NotFoundError) throw new CliError(`${err.message} Se "pnpm lagesbild kpis" och "pnpm lagesbild units".`);
    // A period the protected release cannot answer (--suppress): the message says which periods it holds.
    if (err instanceof InputError) throw new CliError(err.message, 2);
    throw err;
  }
  // The förvaltning's own prognos for the year (kpi_prognoses): of the total only, never a target.
  const prognos = gender === 'T' && !opts.band ? ((await kpiPrognosesFor(database.db, ctx.orgId, [v.kpi], v.unit, period)).get(v.kpi) ?? null) : null;
  if (opts.json) {
    io.out(JSON.stringify({ ...v, prognos, ageBand: opts.band ?? '' }));
    return;
  }
  const meta = STATUS_META[v.status];
  io.out(`${v.kpi} · ${v.unit} · ${v.periodLabel} · ${v.gender}${opts.band ? ` · ${opts.band} år` : ''}`);
  io.out(`Värde:  ${v.display}${v.monthsWithData < v.monthsInPeriod ? ` (${v.monthsWithData} av ${v.monthsInPeriod} månader har data)` : ''}`);
  io.out(`Mål:    ${v.targetDisplay ?? 'inget mål'}`);
  io.out(`Status: ${meta.symbol} ${meta.sv}`);
  if (v.change) io.out(`Förra året (${v.change.lastYear.periodLabel}): ${v.change.lastYear.display}; förändring ${v.change.display ?? '–'}`);
  io.out(`Prognos ${v.forecast.year}: ${v.forecast.display} (${STATUS_META[v.forecastStatus].symbol} ${STATUS_META[v.forecastStatus].sv}) — ${v.forecast.explanation}`);
  const k = ctx.kpis.get(v.kpi);
  const note = prognosNote(prognos, k?.unit ?? null, k?.decimals ?? 0);
  if (note) io.out(`${note}${prognos?.source ? ` — ${prognos.source}` : ''}`);
  if (v.origin) io.out(`Källa:  ${{ reported: 'rapporterat', synthetic: 'syntetiskt demodata', mixed: 'rapporterat och syntetiskt' }[v.origin]}`);
}

export const queryCli = cliCommand({
  name: 'query',
  description: `ett KPI-värde med mål, status och prognos
P: ÅÅÅÅ-MM, ÅÅÅÅ-T1..T3, ÅÅÅÅ-D (delår), ÅÅÅÅ, ÅÅÅÅ-MM:ÅÅÅÅ-MM, ÅÅÅÅ-MM-YTD, ÅÅÅÅ-MM-R12`,
  args: {
    kpi: needed('ID', 'KPI:n (se "pnpm lagesbild kpis")'),
    unit: needed('KOD', 'enheten (se "pnpm lagesbild units")'),
    period: needed('P', 'perioden, se ovan'),
    gender: value('K|M|T', 'kvinnor, män eller totalt (standard T)'),
    band: value('ÅLDER', 'en av KPI:ns åldersgrupper, t.ex. 18-24 (standard: totalen; se "pnpm lagesbild kpis")'),
    compare: toggle('med samma period förra året och förändringen'),
    suppress: toggle('skydda små antal som en väggskärm gör (svar ur den skyddade sammanställningen)'),
    json: toggle('skriv ut som JSON'),
    ...ORG_ARG,
  },
  org: 'scoped',
  // The flags are the options, by the same names.
  run: (args, c) => queryCommand(c.database, c.io, { ...args, orgId: c.orgId }),
});
