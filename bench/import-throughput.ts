/**
 * Import throughput: a generated long CSV of N rows (default 100 000 and
 * 1 000 000, each into its own throw-away PostgreSQL database) through the
 * real importFile path, against PostgreSQL's own COPY of the same file into a
 * plain table of the same columns, in the same run.
 *
 *   npx tsx bench/import-throughput.ts [--rows 1000000]   (also runs a tenth of it first)
 *   npx tsx bench/import-throughput.ts --rows 20000,100000,1000000
 *   npx tsx bench/import-throughput.ts --rows 200000 --refresh   (with the roll-up refresh and release an API commit pays)
 *
 * Reported per size: rows/s of the import and of COPY and their ratio (the aim
 * is at least a third of COPY's rate); then, as the floor for any importer of
 * this table, the same rows set-based in SQL from the COPY table into
 * observations (unique cell index, month index, three foreign keys): once
 * by COPY of the rows with their unit ids resolved (what COPY into the final
 * table could reach at best), once by one insert … select; the
 * import's own rows deleted first; and the peak RSS and heap sampled every
 * 100 ms during the import, with their growth over the baseline taken just
 * before it. The file is read from disk as the CLI reads it. Memory that grows
 * with the size means the import holds the whole file, not a stream.
 *
 * Each size also prints where the import's time went: parse (reading,
 * parsing and checking rows in Node), stage (waiting for staged batches),
 * check (duplicates across rows), plan (diff against stored cells and its
 * warnings), write (batch row and cells into observations), and with
 * --refresh the roll-up refresh and protected release run in the same
 * transaction as commitImport runs them; commit is the rest (COMMIT itself).
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { kpis, organisations, refreshRollups, unitLinks, units, updateRelease, type Db } from '../packages/db/src/index.js';
import { openTestDatabase } from '../packages/db/src/testing/index.js';
import { monthOfDate } from '../packages/domain/src/index.js';
import { importFile, type ImportPhase } from '../packages/importer/src/index.js';
import { memorySampler } from './lib/memory.js';

const ORG = 'bench-org';
const KPIS = 20;
const GENDERS = ['K', 'M'] as const;
const FIRST_YEAR = 2018;
const AVDELNINGAR = 10;

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, refresh: { type: 'boolean', default: false } } });
const given = (args.rows ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
if (given.length === 0) throw new Error('--rows: en kommaseparerad lista med positiva heltal, till exempel --rows 100000,1000000');
// One size alone says nothing about memory against size: run a tenth of it too.
const sizes = given.length === 1 && (given[0] ?? 0) >= 10 ? [Math.round((given[0] ?? 0) / 10), ...given] : given;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('sv-SE');
type Phase = ImportPhase | 'read' | 'roll-ups' | 'release' | 'commit';
const PHASES: Phase[] = ['read', 'parse', 'stage', 'check', 'plan', 'write', 'roll-ups', 'release', 'commit'];
/** "parse 3,1 s (41 %)" for each phase that took any time, in the order they run. */
const breakdown = (phases: Map<Phase, number>, total: number) =>
  PHASES.filter((p) => phases.has(p))
    .map((p) => {
      const ms = phases.get(p) ?? 0;
      return `${p} ${(ms / 1000).toFixed(2)} s (${Math.round((100 * ms) / total)} %)`;
    })
    .join(', ');
/** The postgres driver under drizzle, as much of it as COPY needs (the bench has no dependency of its own on postgres). */
type Query<T> = Promise<T[]> & { writable(): Promise<Writable> };
type RawSql = (<T = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]) => Query<T>) & { unsafe(query: string, params?: unknown[]): Query<unknown> };
const rawSql = (db: Db) => (db as unknown as { $client: RawSql }).$client;

/** Enough leaves for N rows at 20 KPIs × 2 genders × 60 months (2018–2022), more months only if needed. */
function shape(rows: number) {
  const months = 60;
  const leaves = Math.max(1, Math.ceil(rows / (KPIS * GENDERS.length * months)));
  return { leaves, months };
}

const monthOf = (i: number) => `${FIRST_YEAR + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const kpiId = (k: number) => `bench-k${String(k).padStart(2, '0')}`;
const unitCode = (u: number) => `E${String(u).padStart(4, '0')}`;

/** The organisation: SOC → 10 avdelningar → the leaves, and 20 gender-split count KPIs. */
async function generateOrganisation(db: Db, leaves: number): Promise<void> {
  await db.insert(organisations).values({ id: ORG, name: 'Benchkommun' });
  const base = { description: '', group: 'ekonomiskt-bistand', source: 'bench', scale: 1, validFrom: '2000-01', sortOrder: 0, genderSplit: true, privacyClass: 'none' as const };
  await db.insert(kpis).values(
    Array.from({ length: KPIS }, (_, k) => ({
      ...base,
      id: kpiId(k),
      name: `KPI ${k}`,
      nameEn: `KPI ${k}`,
      unit: 'count',
      decimals: 0,
      direction: 'none' as const,
      timeAggregation: 'sum' as const,
    })),
  );
  const unit = (code: string, kind: 'forvaltning' | 'avdelning' | 'enhet') => ({ orgId: ORG, code, name: code, kind, validFrom: '2000-01', validTo: null });
  const [soc] = await db.insert(units).values(unit('SOC', 'forvaltning')).returning({ id: units.id });
  const avd = await db
    .insert(units)
    .values(Array.from({ length: AVDELNINGAR }, (_, a) => unit(`AVD${a}`, 'avdelning')))
    .returning({ id: units.id });
  const link = (unitId: number, parentId: number) => ({ unitId, parentId, validFrom: '2000-01', validTo: null });
  await db.insert(unitLinks).values(avd.map((a) => link(a.id, soc?.id ?? -1)));
  for (let from = 0; from < leaves; from += 1000) {
    const part = Array.from({ length: Math.min(1000, leaves - from) }, (_, i) => unit(unitCode(from + i), 'enhet'));
    const ids = await db.insert(units).values(part).returning({ id: units.id });
    await db.insert(unitLinks).values(ids.map((u, i) => link(u.id, avd[(from + i) % AVDELNINGAR]?.id ?? -1)));
  }
}

/** The long CSV, written in pieces so that generating it does not hold it twice. */
async function generateCsv(file: string, rows: number, leaves: number, months: number): Promise<void> {
  const lines: string[] = ['kpi,unit,period,gender,value'];
  let n = 0;
  outer: for (let m = 0; m < months; m++) {
    for (let u = 0; u < leaves; u++) {
      for (let k = 0; k < KPIS; k++) {
        for (const g of GENDERS) {
          if (n++ >= rows) break outer;
          lines.push(`${kpiId(k)},${unitCode(u)},${monthOf(m)},${g},${(n * 7919) % 100000}`);
        }
      }
    }
  }
  await writeFile(file, lines.join('\n') + '\n');
}

async function copyInto(db: Db, file: string): Promise<number> {
  const sql = rawSql(db);
  await sql`create table copy_target (kpi text not null, unit text not null, period text not null, gender text not null, value double precision not null)`;
  const started = performance.now();
  const writable = await sql`copy copy_target from stdin with (format csv, header true)`.writable();
  await pipeline(createReadStream(file), writable);
  const ms = performance.now() - started;
  const [count] = await sql<{ n: string }>`select count(*)::text as n from copy_target`;
  if (Number(count?.n) <= 0) throw new Error('COPY loaded no rows');
  return ms;
}

/**
 * COPY's rows into observations in one statement, after the import's own rows
 * are gone: what the table's indexes and keys cost. Then the same statement
 * into a copy of the table with its indexes but no foreign keys, so the keys'
 * share (one check per key and row) and the indexes' share are told apart.
 */
async function sqlFloor(db: Db, batchId: number, csv: string, dir: string): Promise<{ floorMs: number; noKeysMs: number; copyFinalMs: number }> {
  const sql = rawSql(db);
  await sql`delete from observations where batch_id = ${batchId}`;
  await sql`vacuum observations`;
  const copyFinalMs = await copyIntoObservations(sql, csv, batchId, join(dir, 'resolved.csv'));
  await sql`delete from observations where batch_id = ${batchId}`;
  await sql`vacuum observations`;
  await sql`create table observations_no_keys (like observations including defaults including indexes)`;
  const into = async (table: string) => {
    const started = performance.now();
    await sql.unsafe(
      `
      insert into ${table} (org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator, origin, batch_id, source_file, source_row)
      select $1, c.kpi, u.id, c.period, c.gender, '', c.value, null, 'reported', $2::int, 'floor', 0
      from copy_target c join units u on u.org_id = $1 and u.code = c.unit`,
      [ORG, batchId],
    );
    return performance.now() - started;
  };
  return { copyFinalMs, floorMs: await into('observations'), noKeysMs: await into('observations_no_keys') };
}

/**
 * The rows with unit codes already resolved to ids (written out untimed), then
 * timed: COPY straight into observations, which checks the same keys per row
 * and maintains the same indexes. The ceiling of "COPY into the final table
 * where the batch is new", before any parsing, checking or diff. The file is
 * resolved in Node: a COPY … TO STDOUT on the same pool left the next COPY
 * FROM STDIN waiting for data that never came (postgres 3.4.9, at 1 M rows).
 */
async function copyIntoObservations(sql: RawSql, csv: string, batchId: number, file: string): Promise<number> {
  const ids = new Map((await sql<{ code: string; id: number }>`select code, id from units where org_id = ${ORG}`).map((u) => [u.code, u.id]));
  const resolved = (await readFile(csv, 'utf8'))
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [kpi, unit, period, gender, value] = line.split(',');
      return `${ORG},${kpi},${ids.get(unit ?? '') ?? -1},${period},${gender},"",${value},reported,${batchId}`;
    });
  await writeFile(file, resolved.join('\n') + '\n');
  const started = performance.now();
  const into = await sql.unsafe('copy observations (org_id, kpi_id, unit_id, month, gender, age_band, numerator, origin, batch_id) from stdin with (format csv)').writable();
  await pipeline(createReadStream(file), into);
  return performance.now() - started;
}

async function runSize(rows: number, dir: string) {
  const { leaves, months } = shape(rows);
  const database = await openTestDatabase('postgres');
  try {
    await generateOrganisation(database.db, leaves);
    const file = join(dir, `bench-${rows}.csv`);
    await generateCsv(file, rows, leaves, months);
    const bytesOnDisk = statSync(file).size;

    const phases = new Map<Phase, number>();
    const add = (phase: Phase, ms: number) => phases.set(phase, (phases.get(phase) ?? 0) + ms);
    const timed = async <T>(phase: Phase, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const r = await work();
      add(phase, performance.now() - t);
      return r;
    };
    const mem = memorySampler();
    const started = performance.now();
    const bytes = await timed('read', () => readFile(file));
    const result = await importFile(database.db, {
      orgId: ORG,
      fileName: `bench-${rows}.csv`,
      bytes,
      dryRun: false,
      user: 'bench',
      currentMonth: monthOfDate(new Date()),
      phases: add,
      // As commitImport does for a tenant's first import (the roll-ups and release were never built): both whole.
      onCommitted: async (tx, r) => {
        if (!args.refresh || r.batchId === null) return;
        const batchId = r.batchId;
        await timed('roll-ups', () => refreshRollups(tx, ORG, {}));
        await timed('release', () => updateRelease(tx, ORG, { batchId, kind: 'committed', kpis: r.touched.kpis }));
      },
    });
    const importMs = performance.now() - started;
    add('commit', importMs - [...phases.values()].reduce((a, b) => a + b, 0));
    const peak = mem.stop();
    if (!result.ok) throw new Error(`importen misslyckades: ${result.errors[0]?.message ?? ''}`);
    if (result.summary.new !== rows) throw new Error(`väntade ${rows} nya värden, fick ${result.summary.new}`);

    const copyMs = await copyInto(database.db, file);
    const { floorMs, noKeysMs, copyFinalMs } = await sqlFloor(database.db, result.batchId ?? -1, file, dir);
    return { rows, leaves, months, bytesOnDisk, importMs, copyMs, copyFinalMs, floorMs, noKeysMs, peak, phases };
  } finally {
    await database.dispose();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  console.log(`Import throughput (long CSV → observations) against COPY, PostgreSQL, ${KPIS} KPIs × ${GENDERS.length} genders`);
  const results = [];
  for (const rows of sizes) {
    const r = await runSize(rows, dir);
    results.push(r);
    const imp = rate(r.rows, r.importMs);
    const copy = rate(r.rows, r.copyMs);
    console.log(
      `${fmt(r.rows)} rows (${r.leaves} leaf units × ${r.months} months, ${mb(r.bytesOnDisk)} file): ` +
        `import ${(r.importMs / 1000).toFixed(1)} s = ${fmt(imp)} rows/s; COPY ${(r.copyMs / 1000).toFixed(1)} s = ${fmt(copy)} rows/s; ` +
        `import/COPY ${(imp / copy).toFixed(3)} (aim ≥ 0.33); COPY + insert … select into observations ${fmt(rate(r.rows, r.copyMs + r.floorMs))} rows/s, ` +
        `import/that ${(imp / rate(r.rows, r.copyMs + r.floorMs)).toFixed(2)}; peak RSS ${mb(r.peak.rss)} (+${mb(r.peak.rssGrowth)}), ` +
        `peak heap ${mb(r.peak.heap)} (+${mb(r.peak.heapGrowth)})`,
    );
    console.log(
      `  where the import's time went: ${breakdown(r.phases, r.importMs)}; COPY alone ${(r.copyMs / 1000).toFixed(2)} s, its insert … select ${(r.floorMs / 1000).toFixed(2)} s, ` +
        `the same without foreign keys ${(r.noKeysMs / 1000).toFixed(2)} s (the keys ${Math.round((100 * (r.floorMs - r.noKeysMs)) / r.floorMs)} % of it); ` +
        `COPY of the resolved rows straight into observations ${(r.copyFinalMs / 1000).toFixed(2)} s = ${(r.copyMs / r.copyFinalMs).toFixed(3)}× COPY into a plain table`,
    );
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results[results.length - 1]];
    const ratio = (x: number, y: number) => (x / Math.max(1024 * 1024, y)).toFixed(1);
    if (a && b) {
      console.log(
        `for ×${(b.rows / a.rows).toFixed(0)} the rows: heap growth ×${ratio(b.peak.heapGrowth, a.peak.heapGrowth)}, RSS growth ×${ratio(b.peak.rssGrowth, a.peak.rssGrowth)} (×1 would be streaming)`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
