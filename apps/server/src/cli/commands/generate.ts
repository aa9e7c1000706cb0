import { cellCount, loadGeneratedOrg, upsertGeneratedKpis, type Database, type GenerateSpec } from '@lagesbild/db';
import { cliCommand, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

interface GenerateOptions {
  orgs: string | undefined;
  units: string | undefined;
  kpis: string | undefined;
  months: string | undefined;
  seed: string | undefined;
}

function count(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError(`Ogiltigt värde för --${name}: "${raw}". Ange ett heltal 1–${max}.`, 2);
  return n;
}

/** Parses the flags into a spec; defaults give one förvaltning of about 300 000 observations. */
function generateSpec(o: GenerateOptions): GenerateSpec {
  return {
    orgs: count('orgs', o.orgs, 1, 999),
    units: count('units', o.units, 250, 5000),
    kpis: count('kpis', o.kpis, 12, 200),
    months: count('months', o.months, 72, 600),
    seed: o.seed === undefined ? 1 : count('seed', o.seed, 1, 2 ** 31),
  };
}

/** Writes synthetic organisations gen-001… (each in one transaction with its roll-ups) and prints rows and rows/s. */
async function generateCommand(database: Database, io: CliIo, opts: GenerateOptions): Promise<void> {
  const spec = generateSpec(opts);
  await database.migrate();
  await upsertGeneratedKpis(database.db, spec.kpis);
  const perOrg = cellCount(spec);
  io.out(
    `Genererar ${spec.orgs} organisationer × ${perOrg} observationer (${spec.units} enheter, ${spec.kpis} KPI:er, ${spec.months} månader, frö ${spec.seed}) i ${database.kind}.`,
  );
  const started = performance.now();
  let rows = 0;
  for (let i = 0; i < spec.orgs; i++) {
    const r = await loadGeneratedOrg(database, spec, i, perOrg);
    rows += r.observations;
    io.out(
      `  ${r.orgId}: ${r.observations} observationer, ${r.rollups} summeringsrader, ${Math.round(r.ms)} ms varav summering ${Math.round(r.rollupMs)} ms och skyddad sammanställning ${Math.round(r.releaseMs)} ms (${Math.round(r.observations / (r.ms / 1000))} rader/s)`,
    );
  }
  const s = (performance.now() - started) / 1000;
  io.out(`Klart: ${rows} observationer på ${s.toFixed(1)} s, ${Math.round(rows / s)} rader/s (med summeringar).`);
  io.out('Titta på en av dem i dashboarden: "pnpm lagesbild user add <namn> --org gen-001 --role admin" ger en inloggningslänk.');
}

export const generateCli = cliCommand({
  name: 'generate',
  description: 'skriv syntetiska organisationer gen-001… (skalningstester)',
  args: {
    orgs: value('N', 'antal organisationer, 1–999 (standard 1)'),
    units: value('U', 'enheter per organisation, 1–5000 (standard 250)'),
    kpis: value('K', 'antal KPI:er, 1–200 (standard 12)'),
    months: value('M', 'antal månader, 1–600 (standard 72)'),
    seed: value('S', 'frö för slumptalen (standard 1)'),
  },
  run: (args, c) => generateCommand(c.database, c.io, { orgs: args.orgs, units: args.units, kpis: args.kpis, months: args.months, seed: args.seed }),
});
