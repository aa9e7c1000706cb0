/**
 * Every cell of the three sample reports is accounted for through the demo
 * mappings, none skipped: stored on a KPI (18–24 as band '18-24' of the KPI it
 * is a "varav" of), or checked (a total against its kvinnor + män rows of the
 * same KPI, "Genomsnitt per hushåll" against kr / paying households), or, the
 * one "?" of 2022, an explicit missing value. Spot values name their seed line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importMappings, observations, seedDemo, units } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportOptions } from '../src/index.js';
import { NOW_MONTH } from './fixture.js';

const ORG = 'katrineholm';
const sample = (name: string) => readFileSync(resolve(import.meta.dirname, 'good-files', name));
const MONTHS = ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'];

/** The file's filled month cells (not the label, section or "Accumulerade uppgifter" columns), and how many are not numbers. */
function monthCells(name: string): { cells: number; notNumbers: string[] } {
  const [header = '', ...lines] = sample(name).toString('utf8').trim().split('\n');
  const heads = header.split(';');
  const columns = heads.flatMap((h, i) => (MONTHS.includes(h.trim()) ? [i] : []));
  const texts = lines.flatMap((l) => columns.map((i) => (l.split(';')[i] ?? '').trim())).filter((t) => t !== '');
  return { cells: texts.length, notNumbers: texts.filter((t) => !/^-?[\d ]+(,\d+)?$/.test(t)) };
}

const opts = (fileName: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  orgId: ORG,
  fileName,
  bytes: sample(fileName),
  dryRun: true,
  user: 'tester',
  currentMonth: NOW_MONTH,
  ...over,
});

describe('the sample reports as files', () => {
  it('hold 34, 84 and 168 month cells; the only one that is not a number is the "?" of 2022 (Dödsboanmälningar, Mars)', () => {
    expect(monthCells('statistik-forsorjningsstod-2018.csv')).toEqual({ cells: 34, notNumbers: [] });
    expect(monthCells('statistik-barn-unga-vuxna-2018.csv')).toEqual({ cells: 84, notNumbers: [] });
    expect(monthCells('statistik-forsorjningsstod-2022.csv')).toEqual({ cells: 168, notNumbers: ['?'] });
  });
});

describe.each(TEST_DB_KINDS)('the sample reports, whole, on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => seedDemo(opened.db));

  async function value(kpi: string, unit: string, month: string, gender: 'K' | 'M' | 'T', ageBand = '') {
    const rows = await database.db
      .select({ v: observations.numerator, origin: observations.origin, row: observations.sourceRow })
      .from(observations)
      .innerJoin(units, eq(units.id, observations.unitId))
      .where(
        and(
          eq(observations.orgId, ORG),
          eq(observations.kpiId, kpi),
          eq(units.code, unit),
          eq(observations.month, month),
          eq(observations.gender, gender),
          eq(observations.ageBand, ageBand),
        ),
      );
    return rows[0]?.v;
  }

  it('no mapping of the demo skips a row', async () => {
    const skipped = await database.db
      .select({ label: importMappings.label })
      .from(importMappings)
      .where(and(eq(importMappings.orgId, ORG), isNull(importMappings.kpiId)));
    expect(skipped).toEqual([]);
  });

  it('2018 försörjningsstöd: 34 cells = 28 stored + 4 totals checked against kvinnor + män + 2 averages checked, all as the demo holds them', async () => {
    const r = await importFile(database.db, opts('statistik-forsorjningsstod-2018.csv', { unitCode: 'EKBIST' }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.summary).toEqual({ new: 0, changed: 0, unchanged: 28, rows: 28 });
    const cell = (kpi: string, month: string, gender = 'T', ageBand = '') =>
      r.diff.find((d) => d.kpi === kpi && d.month === month && d.gender === gender && d.ageBand === ageBand)?.new?.numerator;
    expect(cell('hushall-totalt', '2018-01', 'T', '18-24')).toBe(120); // 003 l.2294, printed below the children
    expect(cell('hushall-utbetalt', '2018-01', 'K', '18-24')).toBe(35); // 003 l.2300
    expect(cell('hushall-utbetalt', '2018-02', 'M', '18-24')).toBe(41); // 003 l.2299
    expect(cell('arenden-samtliga', '2018-01')).toBe(1009); // 003 l.2301
    expect(cell('avslutade-arenden', '2018-01')).toBe(66); // 003 l.2302
    expect(cell('avslutade-arenden', '2018-02', 'T', '18-24')).toBe(17); // 003 l.2303
    expect(cell('startade-utredningar', '2018-01', 'T', '18-24')).toBe(18); // 003 l.2306
    // The printed 18–24 total of paying households is not stored: 43 + 35 = 78 (003 l.2298) is checked.
    expect(cell('hushall-utbetalt', '2018-01', 'T', '18-24')).toBeUndefined();
  });

  it('2022 försörjningsstöd: 168 cells = 1 "?" + 155 stored + 8 totals checked + 4 averages checked', async () => {
    const r = await importFile(database.db, opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST', skipMissingMarks: true, confirmWarnings: true, dryRun: false }));
    expect(r).toMatchObject({ ok: true, summary: { new: 0, changed: 0, unchanged: 155, rows: 155 } });
    // The warnings are the "?" and the two printed kvinnor + män that differ from their totals; the averages agree (8 304 = 3 570 891 / 430).
    expect(r.warnings.map((w) => w.row)).toEqual([20, 39, 42]);
    expect(await value('hushall-totalt', 'EKBIST', '2022-04', 'T', '18-24')).toBe(97); // 001 l.700
    expect(await value('hushall-utbetalt', 'EKBIST', '2022-03', 'K', '18-24')).toBe(36); // 001 l.705
    expect(await value('avslutade-arenden', 'EKBIST', '2022-03', 'T', '18-24')).toBe(10); // 001 l.707
    expect(await value('startade-utredningar', 'EKBIST', '2022-02', 'T', '18-24')).toBe(11); // 001 l.710
    expect(await value('arenden-samtliga', 'EKBIST', '2022-04', 'T')).toBe(717); // 001 l.713
    expect(await value('familjeratt-avtal', 'BF', '2022-01', 'T')).toBe(2); // 001 l.718
    expect(await value('dodsboanmalningar', 'BF', '2022-04', 'T')).toBe(5); // 001 l.719
    expect(await value('dodsboanmalningar', 'BF', '2022-03', 'T')).toBeUndefined(); // the "?"
    expect(await value('beslut-orsak-ej-utskriven', 'EKBIST', '2022-01', 'T', '18-24')).toBe(8); // 001 l.721
    expect(await value('beslut-sjuk-otillracklig-sjukpenning', 'EKBIST', '2022-03', 'T')).toBe(19); // 001 l.723
    expect(await value('beslut-sjuk-otillracklig-sjukpenning', 'EKBIST', '2022-03', 'T', '18-24')).toBe(4); // 001 l.724
    expect(await value('beslut-sjuk-vantar-sjukpenning', 'EKBIST', '2022-04', 'T')).toBe(8); // 001 l.725
    expect(await value('beslut-studerar-grundskola', 'EKBIST', '2022-03', 'T')).toBe(8); // 001 l.727
    expect(await value('beslut-studerar-gymnasium', 'EKBIST', '2022-02', 'T')).toBe(6); // 001 l.729
    expect(await value('beslut-utan-forsorjningshinder', 'EKBIST', '2022-01', 'T')).toBe(0); // 001 l.731
    expect(await value('beslut-vantar-etablering', 'EKBIST', '2022-03', 'T')).toBe(7); // 001 l.733
    expect(await value('beslut-vantar-pension', 'EKBIST', '2022-02', 'T')).toBe(2); // 001 l.735
    expect(await value('beslut-totalt', 'EKBIST', '2022-01', 'T')).toBe(755); // 001 l.737
    expect(await value('beslut-totalt', 'EKBIST', '2022-04', 'T', '18-24')).toBe(10); // 001 l.738
    expect(await value('unika-arenden', 'EKBIST', '2022-02', 'T')).toBe(384); // 001 l.739, beside 187 + 196 = 383
    expect(await value('unika-arenden-kon', 'EKBIST', '2022-02', 'K')).toBe(187); // 001 l.740
    expect(await value('unika-arendepersoner', 'EKBIST', '2022-01', 'T')).toBe(631); // 001 l.742
    expect(await value('unika-arendepersoner-kon', 'EKBIST', '2022-01', 'M')).toBe(105); // 001 l.744
  });

  it('2022: an average that is not kr / households is a warning naming both rows', async () => {
    const text = sample('statistik-forsorjningsstod-2022.csv').toString('utf8').replace('Genomsnitt per hushåll;8 304;', 'Genomsnitt per hushåll;8 404;');
    const r = await importFile(database.db, {
      ...opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST', skipMissingMarks: true }),
      bytes: new TextEncoder().encode(text),
    });
    const w = r.warnings.find((x) => x.row === 17);
    expect(w?.message).toContain('"Genomsnitt per hushåll" i fil statistik-forsorjningsstod-2022.csv, rad 17, kolumn Januari är 8');
    expect(w?.message).toContain('men rad 16 delad med rad 5 är');
  });

  it('2018 barn, unga och vuxna: 84 cells, every one stored on its unit', async () => {
    const r = await importFile(database.db, opts('statistik-barn-unga-vuxna-2018.csv'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.summary).toEqual({ new: 0, changed: 0, unchanged: 84, rows: 84 });
    const cell = (kpi: string, unit: string, month: string, gender = 'T') =>
      r.diff.find((d) => d.kpi === kpi && d.unit === unit && d.month === month && d.gender === gender)?.new?.numerator;
    expect(cell('forlangda-utredningar', 'BU', '2018-02')).toBe(7); // 003 l.2409
    expect(cell('pagaende-utredningar', 'BU', '2018-01')).toBe(228); // 003 l.2423
    expect(cell('pagaende-utredningar', 'VUXEN', '2018-02')).toBe(21); // 003 l.2424
    expect(cell('vardnadsoverflyttade', 'BU', '2018-01', 'M')).toBe(14); // 003 l.2445
    expect(cell('placerade-tillfalliga', 'BU', '2018-02', 'M')).toBe(10); // 003 l.2459
    expect(cell('klivet-lagenhet-sol', 'BU', '2018-01')).toBe(10); // 003 l.2486
    expect(cell('klivet-kollektivet-sol', 'BU', '2018-02')).toBe(7); // 003 l.2487
    expect(cell('klivet-kollektivet-lvu', 'BU', '2018-01')).toBe(0); // 003 l.2493
    expect(cell('klivet-kollektivet-jour', 'BU', '2018-02')).toBe(0); // 003 l.2500
    expect(cell('kontaktfamiljer', 'BF', '2018-01', 'K')).toBe(22); // 003 l.2508
    expect(cell('familjeratt-pagaende-utredningar', 'BF', '2018-01')).toBe(25); // 003 l.2537
    expect(cell('familjeratt-samarbetssamtal', 'BF', '2018-02')).toBe(11); // 003 l.2538
    expect(cell('familjeratt-avtal', 'BF', '2018-01')).toBe(0); // 003 l.2541
    expect(cell('dodsboanmalningar', 'BF', '2018-01')).toBe(12); // 003 l.2542
  });
});
