import { seedDemo, type Database } from '@lagesbild/db';
import { cliCommand, toggle } from '../command.js';
import { CliError, type CliIo } from '../io.js';

async function seedCommand(database: Database, io: CliIo, opts: { demo: boolean }): Promise<void> {
  if (!opts.demo) throw new CliError('Ange vad som ska läsas in: "seed --demo" läser in demodata för Katrineholm.', 2);
  await database.migrate();
  const started = performance.now();
  const counts = await seedDemo(database.db);
  const ms = Math.round(performance.now() - started);
  io.out(`Demodata inläst på ${ms} ms: ${counts.units} enheter, ${counts.kpis} KPI:er, ${counts.observations} observationer, ${counts.targets} mål.`);
}

export const seedCli = cliCommand({
  name: 'seed',
  description: 'läs in demodata för Katrineholm 2018–2022 (ersätter demo-organisationen)',
  args: { demo: { ...toggle('demodata för Katrineholm'), required: true } },
  run: (args, c) => seedCommand(c.database, c.io, { demo: args.demo }),
});
