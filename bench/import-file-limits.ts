/**
 * Time and memory of the importer on the largest files its limits admit,
 * each against the library that reads that format alone, in the same run:
 *
 *   long CSV, 40 MB (the byte limit), without quotes and with every field quoted
 *                                    — against csv-parse over the whole file
 *   wide CSV report at the wide-report cell limit, and one of 40 MB that is
 *                                    refused at that limit
 *   wide XLSX report at the cell limit — against exceljs loading it alone
 *
 *   npx tsx bench/import-file-limits.ts [--scale 0.1]   (a tenth of each size, to see it run)
 *
 * Each file goes through importFile as a dry run (read, validate, stage in
 * PostgreSQL, diff; nothing committed) against a generated organisation of
 * 3 000 leaf units. Peak RSS and heap are sampled every 100 ms against the
 * level just before each run. What the importer holds beyond the library's
 * own figure is what it adds; the aim is that it stays near the streaming
 * floor (tens of MB) however large the file.
 */
import { parseArgs } from 'node:util';
import { importMappings, unitLinks, units, type Db } from '../packages/db/src/index.js';
import { insertKpis, insertOrganisation, openTestDatabase } from '../packages/db/src/testing/index.js';
import { importFile, MAX_FILE_BYTES } from '../packages/importer/src/index.js';
import { monthOfDate } from '../packages/domain/src/index.js';
import { MAX_WIDE_CELLS } from '../packages/importer/src/common/limits.js';
import { bigWorkbook, csvParseAlone, exceljsAlone } from '../packages/importer/test/bench-baselines.js';
import { FIXTURE_KPIS } from '../packages/importer/test/fixture.js';
import { memorySampler } from './lib/memory.js';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(args.scale);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale: ett tal större än 0 och högst 1, till exempel --scale 0.1');

const ORG = 'bench-limits';
const UNITS = 3000;
const unitCode = (u: number) => `E${String(u).padStart(4, '0')}`;
const MONTHS = Array.from({ length: 96 }, (_, i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
/** The (KPI, gender) cells of a unit and month, and the labels a wide report gives them. */
const SERIES = [
  { kpi: 'hushall-utbetalt', gender: 'K', label: 'kvinnor' },
  { kpi: 'hushall-utbetalt', gender: 'M', label: 'män' },
  { kpi: 'hushall-utbetalt', gender: 'T', label: 'hushåll' },
  { kpi: 'utbetalt-kr', gender: 'T', label: 'utbetalt' },
] as const;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function generateOrganisation(db: Db): Promise<void> {
  await insertOrganisation(db, ORG, 'Benchkommun');
  await insertKpis(db, FIXTURE_KPIS);
  const unit = (code: string, kind: 'forvaltning' | 'enhet') => ({ orgId: ORG, code, name: code, kind, validFrom: '2000-01', validTo: null });
  const [root] = await db.insert(units).values(unit('SOC', 'forvaltning')).returning({ id: units.id });
  for (let from = 0; from < UNITS; from += 1000) {
    const ids = await db
      .insert(units)
      .values(Array.from({ length: Math.min(1000, UNITS - from) }, (_, i) => unit(unitCode(from + i), 'enhet')))
      .returning({ id: units.id });
    await db.insert(unitLinks).values(ids.map((u) => ({ unitId: u.id, parentId: root?.id ?? -1, validFrom: '2000-01', validTo: null })));
  }
  const mappings = Array.from({ length: UNITS }, (_, u) =>
    SERIES.map((x) => ({ orgId: ORG, updatedBy: 'bench', label: `${unitCode(u)} ${x.label}`, kpiId: x.kpi, gender: x.gender, unitCode: unitCode(u) })),
  ).flat();
  for (let from = 0; from < mappings.length; from += 2000) await db.insert(importMappings).values(mappings.slice(from, from + 2000));
}

/** Lines until the byte budget is used, every cell distinct: unit by unit, month by month. */
function longCsv(budget: number, quoted: boolean): Uint8Array {
  const q = (f: string) => (quoted ? `"${f}"` : f);
  const lines = [['kpi', 'unit', 'period', 'gender', 'value'].map(q).join(',')];
  let size = lines[0]?.length ?? 0;
  outer: for (let u = 0; u < UNITS; u++) {
    for (const m of MONTHS) {
      for (const x of SERIES) {
        const line = [x.kpi, unitCode(u), m, x.gender, String((u * 7919 + size) % 1000)].map(q).join(',');
        if (size + line.length + 1 > budget) break outer;
        lines.push(line);
        size += line.length + 1;
      }
    }
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** A wide report's rows: the month header, then one row per unit and series, until the cell budget is used. */
function* wideRows(cells: number): Generator<string[]> {
  yield ['', ...MONTHS];
  let used = MONTHS.length;
  for (let u = 0; u < UNITS; u++) {
    for (const x of SERIES) {
      used += MONTHS.length + 1;
      if (used > cells) return;
      yield [`${unitCode(u)} ${x.label}`, ...MONTHS.map((_, i) => String((u + i) % 500))];
    }
  }
}

const wideCsv = (cells: number): Uint8Array => new TextEncoder().encode([...wideRows(cells)].map((r) => r.join(',')).join('\n') + '\n');

/** A wide report of the byte limit's size: rows of no known label, since it is refused before they are looked up. */
function hugeWideCsv(budget: number): Uint8Array {
  const lines = [['', ...MONTHS].join(',')];
  let size = 0;
  for (let i = 0; size < budget - 1024; i++) {
    const line = `Rad ${i},${MONTHS.map((_, m) => (i + m) % 500).join(',')}`;
    lines.push(line);
    size += line.length + 1;
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function measure<T>(run: () => Promise<T>): Promise<{ ms: number; rss: number; heap: number; result: T }> {
  const mem = memorySampler();
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const peak = mem.stop();
  return { ms, rss: peak.rssGrowth, heap: peak.heapGrowth, result };
}

const database = await openTestDatabase('postgres');
try {
  await generateOrganisation(database.db);
  const importDry = (fileName: string, bytes: Uint8Array) =>
    importFile(database.db, { orgId: ORG, fileName, bytes, dryRun: true, user: 'bench', year: null, currentMonth: monthOfDate(new Date()) });
  const cases: { name: string; file: string; bytes: () => Promise<Uint8Array>; baseline: { name: string; run: (b: Uint8Array) => Promise<unknown> } }[] = [
    {
      name: 'long CSV, no quotes',
      file: 'lang.csv',
      bytes: async () => longCsv(MAX_FILE_BYTES * scale - 1024, false),
      baseline: { name: 'csv-parse alone', run: async (b) => csvParseAlone(b) },
    },
    {
      name: 'long CSV, every field quoted',
      file: 'lang-citat.csv',
      bytes: async () => longCsv(MAX_FILE_BYTES * scale - 1024, true),
      baseline: { name: 'csv-parse alone', run: async (b) => csvParseAlone(b) },
    },
    {
      name: `wide CSV, ${MAX_WIDE_CELLS * scale} cells`,
      file: 'bred.csv',
      bytes: async () => wideCsv(MAX_WIDE_CELLS * scale),
      baseline: { name: 'csv-parse alone', run: async (b) => csvParseAlone(b) },
    },
    {
      name: 'wide CSV past the cell limit (refused there)',
      file: 'bred-stor.csv',
      bytes: async () => hugeWideCsv(MAX_FILE_BYTES * scale),
      baseline: { name: 'csv-parse alone', run: async (b) => csvParseAlone(b) },
    },
    {
      name: `wide XLSX, ${MAX_WIDE_CELLS * scale} cells`,
      file: 'bred.xlsx',
      bytes: () => bigWorkbook(wideRows(MAX_WIDE_CELLS * scale)),
      baseline: { name: 'exceljs alone', run: (b) => exceljsAlone(b) },
    },
  ];
  console.log(
    `Import of the largest files the limits admit (byte limit ${mb(MAX_FILE_BYTES)}, wide reports ${MAX_WIDE_CELLS} cells), scale ${scale}; growth of peak RSS / heap over the level before each run`,
  );
  for (const c of cases) {
    const bytes = await c.bytes();
    const base = await measure(() => c.baseline.run(bytes));
    const imp = await measure(() => importDry(c.file, bytes));
    const r = imp.result;
    const outcome = r.ok ? `${r.summary.rows} values read` : `refused: ${r.errors[0]?.message.slice(0, 90) ?? ''}…`;
    console.log(
      `${c.name} (${mb(bytes.length)}): import ${s(imp.ms)}, RSS +${mb(imp.rss)}, heap +${mb(imp.heap)} (${outcome}); ` +
        `${c.baseline.name} ${s(base.ms)}, RSS +${mb(base.rss)}, heap +${mb(base.heap)}`,
    );
  }
} finally {
  await database.dispose();
}
