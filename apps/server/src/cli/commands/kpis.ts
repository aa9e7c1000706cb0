import { listKpis, type Database } from '@lagesbild/db';
import { cliCommand, toggle } from '../command.js';
import { pad, type CliIo } from '../io.js';

const AGG_SV = { sum: 'summa', mean: 'medel/mån', last: 'senaste' } as const;

async function kpisCommand(database: Database, io: CliIo, opts: { json: boolean }): Promise<void> {
  const kpis = await listKpis(database.db);
  if (opts.json) {
    io.out(JSON.stringify(kpis, null, 2));
    return;
  }
  if (kpis.length === 0) {
    io.out('Inga KPI:er ännu. Kör "pnpm lagesbild seed --demo".');
    return;
  }
  io.out(`${pad('ID', 30)} ${pad('ENHET', 8)} ${pad('TID', 10)} ${pad('KÖN', 4)} NAMN`);
  for (const k of kpis) {
    const agg = k.ratioOf ? `kvot` : AGG_SV[k.timeAggregation];
    // Age bands for query --band: "varav" ones beside a total, or the parts of it.
    const bands = k.ageBands.length ? ` [ålder ${k.ageBandKind === 'subset' ? 'varav ' : ''}${k.ageBands.join(', ')}]` : '';
    io.out(`${pad(k.id, 30)} ${pad(k.unit, 8)} ${pad(agg, 10)} ${pad(k.genderSplit ? 'K/M' : 'T', 4)} ${k.name}${bands}`);
  }
}

export const kpisCli = cliCommand({
  name: 'kpis',
  description: 'lista KPI:erna',
  args: { json: toggle('skriv ut som JSON') },
  run: (args, c) => kpisCommand(c.database, c.io, { json: args.json }),
});
