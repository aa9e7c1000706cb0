import { commitImport } from '@lagesbild/api';
import { latestDataMonth, monthCellsByCode, type Database } from '@lagesbild/db';
import { addMonths } from '@lagesbild/domain';
import { cliCommand, ORG_ARG, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

/** A small deterministic generator per month, so the same month always gets the same figures. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>> 0) % 1_000_000) / 1_000_000;
  };
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The next month as a long CSV: every cell of the same month a year earlier
 * (on units that still exist), varied by up to ±12 %. Integers stay integers
 * (counts), so the privacy rules see realistic small counts; a share never
 * passes its denominator.
 */
export async function nextMonthCsv(database: Database, orgId: string, month: string): Promise<{ csv: string; rows: number }> {
  const source = addMonths(month, -12);
  const cells = await monthCellsByCode(database.db, orgId, source, month);
  const next = random(`${orgId}:${month}`);
  const lines = ['kpi,unit,period,gender,value,denominator,age_band'];
  for (const c of cells) {
    const factor = 0.88 + next() * 0.24;
    const n = Number(c.numerator);
    const varied = Number.isInteger(n) ? Math.max(0, Math.round(n * factor)) : Math.round(n * factor * 1000) / 1000;
    // A share (numerator within its denominator, e.g. full-time staff of all staff) stays a share.
    const value = c.denominator !== null && n <= Number(c.denominator) ? Math.min(varied, Number(c.denominator)) : varied;
    const den = c.denominator === null ? '' : String(c.denominator);
    lines.push([c.kpi, c.unit, month, c.gender, String(value), den, c.ageBand].map(csvField).join(','));
  }
  return { csv: `${lines.join('\n')}\n`, rows: cells.length };
}

/**
 * `pnpm lagesbild demo-live`: imports the next month of synthetic data every
 * few seconds through the real import path (validation, diff, one
 * transaction, an event), so every open dashboard and wall screen changes.
 */
async function demoLiveCommand(
  database: Database,
  io: CliIo,
  opts: { orgId: string; interval: string | undefined; count: string | undefined; user: string; signal?: AbortSignal },
): Promise<void> {
  const seconds = opts.interval === undefined ? 5 : Number(opts.interval);
  if (!Number.isFinite(seconds) || seconds < 0.2 || seconds > 3600) throw new CliError(`Ogiltigt intervall "${opts.interval}". Ange sekunder, 0.2–3600.`, 2);
  const count = opts.count === undefined ? Infinity : Number(opts.count);
  if (!(count === Infinity || (Number.isInteger(count) && count > 0))) throw new CliError(`Ogiltigt antal "${opts.count}". Ange ett positivt heltal.`, 2);
  await database.migrate();
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  opts.signal?.addEventListener('abort', stop);
  try {
    for (let i = 0; i < count && !stopped; i++) {
      const latest = await latestDataMonth(database.db, opts.orgId);
      if (!latest) throw new CliError('Det finns inga data att fortsätta från. Kör "pnpm lagesbild seed --demo" först.');
      const month = addMonths(latest, 1);
      const { csv, rows } = await nextMonthCsv(database, opts.orgId, month);
      if (rows === 0) throw new CliError(`Inga värden för ${addMonths(month, -12)} att bygga ${month} av.`);
      const fileName = `demo-live-${month}.csv`;
      // The same path as every import: audit entry and live event in the import's own transaction.
      // The demo's own clock: the month it generates is "now" for it, however far past the real month it runs.
      const req = { fileName, bytes: new TextEncoder().encode(csv), origin: 'synthetic' as const, currentMonth: month };
      const result = await commitImport(database.db, opts.orgId, req, { id: opts.user, ip: null });
      if (!result.ok) throw new CliError(`Importen av ${fileName} avbröts: ${result.errors.map((e) => e.message).join(' ')}`);
      io.out(`${month}: ${result.summary.new} nya värden importerade (batch ${result.batchId}).`);
      if (i + 1 < count) await new Promise((ok) => setTimeout(ok, seconds * 1000));
    }
  } finally {
    process.off('SIGINT', stop);
  }
}

export const demoLiveCli = cliCommand({
  name: 'demo-live',
  description: 'importera nästa månads syntetiska data var S:e sekund (live-demo)',
  args: {
    interval: value('S', 'sekunder mellan månaderna, 0.2–3600 (standard 5)'),
    count: value('N', 'antal månader (standard: tills Ctrl+C)'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: (args, c) => demoLiveCommand(c.database, c.io, { orgId: c.orgId, interval: args.interval, count: args.count, user: c.env.USER ?? 'demo-live' }),
});
