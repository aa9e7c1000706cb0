import { seedDemo, type Database } from '@lagesbild/db';
import { CliError, type CliIo } from '../io.js';

export async function seedCommand(database: Database, io: CliIo, opts: { demo: boolean }): Promise<void> {
  if (!opts.demo) throw new CliError('Ange vad som ska läsas in: "seed --demo" läser in demodata för Katrineholm.', 2);
  await database.migrate();
  const started = performance.now();
  const counts = await seedDemo(database.db);
  const ms = Math.round(performance.now() - started);
  io.out(
    `Demodata inläst på ${ms} ms: ${counts.units} enheter, ${counts.kpis} KPI:er, ${counts.observations} observationer, ${counts.targets} mål.`,
  );
}
