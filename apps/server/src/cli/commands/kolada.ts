/**
 * `kolada`: comparison figures from Kolada (RKA) through the API's Kolada
 * service, the same code as the kolada router: a file for a server without
 * internet, a fetch for one that has it, the mapping and the choice of whom
 * to compare with. Each write and its audit entry in one transaction.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { chooseKoladaComparison, fetchKolada, importKoladaFile, InputError, mapKoladaKpi, refreshKolada, type Actor } from '@lagesbild/api';
import type { KoladaFetchResult } from '@lagesbild/db';
import { cliCommand, cliUser, ORG_ARG, positional, value } from '../command.js';
import { CliError, type CliIo } from '../io.js';

const SUBCOMMANDS = `  kolada import <fil.json>                        läs in Koladas JSON (servern har inget internet)
  kolada fetch [--kpi N31807,… --municipality 0483,0000 --year 2019,2020]
                                                  hämta från Koladas API; utan flaggor: de kopplade nyckeltalen
  kolada map <nyckeltal> <Kolada-id> [--note "…"] jämför ett av våra nyckeltal med ett i Kolada
  kolada compare --own 0483 [--group G…] [--with 0484,0486]
                                                  vilka organisationen jämför sig med (Riket 0000 alltid)`;
const USAGE = `Jämförelse med Kolada – pnpm lagesbild kolada <import|fetch|map|compare>:\n${SUBCOMMANDS}`;

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const stored = (r: KoladaFetchResult | null): string =>
  r === null
    ? 'Inget att hämta: inget nyckeltal är kopplat till Kolada ännu (pnpm lagesbild kolada map <nyckeltal> <Kolada-id>).'
    : `Kolada: ${r.valuesNew} nya värden, ${r.valuesRevised} reviderade (det tidigare sparas som historik), ${r.valuesSame} oförändrade.`;

interface KoladaOptions {
  orgId: string;
  args: string[];
  flags: {
    kpi?: string | undefined;
    municipality?: string | undefined;
    year?: string | undefined;
    note?: string | undefined;
    own?: string | undefined;
    group?: string | undefined;
    with?: string | undefined;
    url?: string | undefined;
  };
  actor: Actor;
  cwd: string;
  now: Date;
}

async function koladaCommand(db: Parameters<typeof importKoladaFile>[0], io: CliIo, o: KoladaOptions): Promise<void> {
  const [sub, a, b] = o.args;
  const options = o.flags.url ? { baseUrl: o.flags.url } : {};
  if (sub === 'import') {
    if (!a) throw new CliError(`Ange filen som ska läsas in.\n\n${USAGE}`, 2);
    const path = resolve(o.cwd, a);
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new CliError(err.code === 'ENOENT' ? `Filen ${path} finns inte.` : `Filen ${path} går inte att läsa (${err.message}).`);
    });
    return io.out(stored(await importKoladaFile(db, o.orgId, { text, name: basename(path) }, o.actor)));
  }
  if (sub === 'fetch') {
    const given = [o.flags.kpi, o.flags.municipality, o.flags.year].filter((x) => x !== undefined).length;
    if (given === 0) return io.out(stored(await refreshKolada(db, o.orgId, o.now, options, o.actor)));
    const years = list(o.flags.year).map(Number);
    if (given < 3 || years.some((y) => !Number.isInteger(y) || y < 1990 || y > 2100))
      throw new CliError(`Ange --kpi, --municipality och --year tillsammans, t.ex. --kpi N31807 --municipality 0483,0000 --year 2019,2020.\n\n${USAGE}`, 2);
    return io.out(stored(await fetchKolada(db, o.orgId, { kpis: list(o.flags.kpi), municipalities: list(o.flags.municipality), years }, options, o.actor)));
  }
  if (sub === 'map') {
    if (!a || !b) throw new CliError(`Ange vårt nyckeltal och Kolada-id, t.ex. kolada map hushall-fbs N31807.\n\n${USAGE}`, 2);
    await mapKoladaKpi(db, o.orgId, { kpi: a, koladaKpi: b, note: o.flags.note ?? '' }, o.actor);
    return io.out(`${a} jämförs nu med ${b} i Kolada.`);
  }
  if (sub === 'compare') {
    if (!o.flags.own) throw new CliError(`Ange organisationens egen kommun i Kolada med --own, t.ex. --own 0483.\n\n${USAGE}`, 2);
    await chooseKoladaComparison(db, o.orgId, { own: o.flags.own, group: o.flags.group ?? null, municipalities: list(o.flags.with) }, o.actor);
    return io.out(`Jämförelsen är sparad: ${[o.flags.own, 'Riket', ...(o.flags.group ? [o.flags.group] : []), ...list(o.flags.with)].join(', ')}.`);
  }
  throw new CliError(sub ? `Okänt underkommando "kolada ${sub}".\n\n${USAGE}` : USAGE, sub ? 2 : 0);
}

export const koladaCli = cliCommand({
  name: 'kolada',
  description: `jämförelse med andra kommuner (Kolada, RKA)
${SUBCOMMANDS}`,
  args: {
    sub: positional('<import|fetch|map|compare>', 'vad som ska göras'),
    a: positional('[fil|nyckeltal]', 'filen (import) eller vårt nyckeltal (map)'),
    b: positional('[Kolada-id]', 'Koladas nyckeltal (map)'),
    kpi: value('N31807,…', 'Koladas nyckeltal (fetch)'),
    municipality: value('0483,0000', 'kommuner, 0000 är Riket (fetch)'),
    year: value('2019,2020', 'år (fetch)'),
    url: value('URL', 'annan adress till Koladas API (fetch), standard https://api.kolada.se/v2'),
    note: value('"…"', 'hur definitionerna skiljer sig (map)'),
    own: value('0483', 'organisationens kommun (compare)'),
    group: value('G…', 'kommungrupp (compare)'),
    with: value('0484,…', 'kommuner att jämföra med (compare)'),
    ...ORG_ARG,
  },
  org: 'scoped',
  run: async (args, c) => {
    try {
      await koladaCommand(c.database.db, c.io, {
        orgId: c.orgId,
        args: [args.sub, args.a, args.b].filter((x): x is string => x !== undefined),
        flags: args,
        actor: { id: cliUser(c.env), ip: null, via: 'cli' },
        cwd: c.env.INIT_CWD ?? process.cwd(),
        now: new Date(),
      });
    } catch (err) {
      if (err instanceof InputError) throw new CliError(err.message);
      throw err;
    }
  },
});
