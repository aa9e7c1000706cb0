/**
 * The three sample reports of the reference organisation (copied to good-files),
 * imported into the seeded demo organisation with its default mappings: the
 * figures land on the right KPIs, units, genders and months, equal to what the
 * demo data already holds as reported, and a second import changes nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { observations, seedDemo, units } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportOptions } from '../src/index.js';
import { dumpAll } from './dump.js';
import { NOW_MONTH } from './fixture.js';

const ORG = 'katrineholm';
const sample = (name: string) => readFileSync(resolve(import.meta.dirname, 'good-files', name));
const opts = (fileName: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  orgId: ORG,
  fileName,
  bytes: sample(fileName),
  dryRun: false,
  user: 'tester',
  currentMonth: NOW_MONTH,
  ...over,
});

describe.each(TEST_DB_KINDS)('the sample reports on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => seedDemo(opened.db));

  async function value(kpi: string, unit: string, month: string, gender: 'K' | 'M' | 'T') {
    const [row] = await database.db
      .select({ v: observations.numerator, origin: observations.origin, file: observations.sourceFile, row: observations.sourceRow })
      .from(observations)
      .innerJoin(units, eq(units.id, observations.unitId))
      .where(and(eq(observations.orgId, ORG), eq(observations.kpiId, kpi), eq(units.code, unit), eq(observations.month, month), eq(observations.gender, gender)));
    return row;
  }

  it('statistik-forsorjningsstod-2018: year from the file name, unit from the request, all figures as stored', async () => {
    const r = await importFile(database.db, opts('statistik-forsorjningsstod-2018.csv', { unitCode: 'EKBIST', dryRun: true }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.format).toBe('wide-csv');
    // 17 rows × Jan–Feb = 34 cells: 28 stored, the paying total and its 18–24 checked against K + M, the average against kr / households.
    expect(r.summary).toEqual({ new: 0, changed: 0, unchanged: 28, rows: 28 });
    expect(r.diff.find((d) => d.kpi === 'hushall-utbetalt' && d.gender === 'K' && d.month === '2018-02')).toMatchObject({ unit: 'EKBIST', new: { numerator: 238 }, row: 7 });
    expect(r.diff.find((d) => d.kpi === 'utbetalt-forsorjningsstod' && d.month === '2018-01')).toMatchObject({ new: { numerator: 4915842 }, row: 17 });
  });

  it('statistik-forsorjningsstod-2022: the "?" is one clear error naming its cell', async () => {
    const before = await dumpAll(database.db);
    const r = await importFile(database.db, opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST' }));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 20, column: 'Mars', found: '?' });
    expect(r.errors[0]?.message).toContain('Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal');
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('statistik-forsorjningsstod-2022: with consent the "?" is skipped, and kvinnor + män ≠ total is a warning naming the rows', async () => {
    const dry = await importFile(database.db, opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST', skipMissingMarks: true, dryRun: true }));
    expect(dry.errors).toEqual([]);
    // 168 month cells: one "?", 155 stored, 8 totals checked against K + M, 4 averages against kr / households (wide-samples-whole.test.ts).
    expect(dry.summary).toEqual({ new: 0, changed: 0, unchanged: 155, rows: 155 });
    expect(dry.warnings.map((w) => [w.row, w.column])).toEqual([
      [20, 'Mars'],
      [39, 'Februari'],
      [42, 'Januari'],
    ]);
    expect(dry.warnings[0]?.message).toContain('Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars betyder att uppgift saknas');
    // As printed: 187 + 196 = 383 unika ärenden in February against a total of 384, and 173 + 105 persons against 631.
    expect(dry.warnings[1]?.message).toContain('"varav kvinnor" (rad 40) + "varav män" (rad 41) är 383 för Februari, men totalen "Antal unika ärenden" i fil');
    expect(dry.warnings[2]?.message).toBe(
      '"varav kvinnor" (rad 43) + "varav män" (rad 44) är 278 för Januari, men totalen "Antal unika ärendepersoner" i fil statistik-forsorjningsstod-2022.csv, rad 42, kolumn Januari är 631. Samma sak gäller 3 månader till. Kontrollera raderna innan du sparar.',
    );
    expect(dry.needsConfirmation).toBe(true);
    const confirmed = await importFile(database.db, opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST', skipMissingMarks: true, confirmWarnings: true }));
    expect(confirmed).toMatchObject({ ok: true, alreadyImported: false, summary: { new: 0, changed: 0, unchanged: 155 } });
    expect(await value('utbetalt-forsorjningsstod', 'EKBIST', '2022-04', 'T')).toMatchObject({ v: 3634873.98, origin: 'reported' });
    expect(await value('hushall-utbetalt', 'EKBIST', '2022-03', 'M')).toMatchObject({ v: 239 });
    // Nothing changed, so the second time the same file is "already imported".
    const again = await importFile(database.db, opts('statistik-forsorjningsstod-2022.csv', { unitCode: 'EKBIST', skipMissingMarks: true }));
    expect(again).toMatchObject({ ok: true, alreadyImported: true, batchId: null });
    expect(again.notice).toBe('Filen statistik-forsorjningsstod-2022.csv är redan importerad; inget ändras.');
  });

  it('statistik-barn-unga-vuxna-2018: the section column and the mappings put each row on its unit', async () => {
    const r = await importFile(database.db, opts('statistik-barn-unga-vuxna-2018.csv'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(await value('aktualiseringar', 'BU', '2018-01', 'T')).toMatchObject({ v: 134, origin: 'reported' });
    expect(await value('aktualiseringar', 'VUXEN', '2018-02', 'T')).toMatchObject({ v: 44 });
    expect(await value('aktualiseringar', 'BF', '2018-01', 'T')).toMatchObject({ v: 62 });
    expect(await value('placerade-hvb-sol', 'BU', '2018-02', 'M')).toMatchObject({ v: 19 });
    expect(await value('placerade-lvm-vuxna', 'VUXEN', '2018-01', 'M')).toMatchObject({ v: 2 });
  });

  it('a changed figure in a report shows old → new, and a second import of it changes nothing', async () => {
    const text = sample('statistik-forsorjningsstod-2018.csv').toString('utf8').replace('Aktualiseringar;143;114', 'Aktualiseringar;143;115');
    const bytes = new TextEncoder().encode(text);
    const base = { ...opts('statistik-forsorjningsstod-2018.csv', { unitCode: 'EKBIST' }), fileName: 'rättad-2018.csv', bytes };
    // The stored February comes from the demo data, reported up to 2022-12: newer than this file, so it needs confirmation.
    const held = await importFile(database.db, base);
    expect(held).toMatchObject({ ok: true, needsConfirmation: true, batchId: null });
    // The older-report warning and the changed-value line.
    expect(held.warnings.map((w) => [w.row, w.column])).toEqual([
      [14, 'Februari'],
      [14, 'Februari'],
    ]);
    expect(held.warnings[1]?.message).toContain('1 sparat värde för KPI "aktualiseringar", enhet "EKBIST" ändras av filen');
    expect(held.warnings[0]?.message).toContain(
      'ändras från 114 till 115, men det sparade värdet kommer från en nyare rapport (med månader till och med 2022-12) än den här filen (till och med 2018-02)',
    );
    const first = await importFile(database.db, { ...base, confirmWarnings: true });
    expect(first.summary).toMatchObject({ changed: 1, unchanged: 27 });
    expect(first.diff.find((d) => d.kind === 'changed')).toMatchObject({ kpi: 'aktualiseringar', month: '2018-02', old: { numerator: 114 }, new: { numerator: 115 } });
    const before = await dumpAll(database.db);
    const second = await importFile(database.db, base);
    expect(second).toMatchObject({ alreadyImported: true, batchId: null });
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('without a unit, or with an unknown label, the answer says what to do', async () => {
    const noUnit = await importFile(database.db, opts('statistik-forsorjningsstod-2018.csv', { dryRun: true }));
    expect(noUnit.errors[0]?.message).toContain('Enhet saknas för raden "Totalt antal hushåll försörjningsstöd" i fil statistik-forsorjningsstod-2018.csv, rad 2, kolumn A');
    const text = sample('statistik-forsorjningsstod-2018.csv').toString('utf8').replace('Startade utredningar;', 'Startade utredningarna;');
    const unknown = await importFile(database.db, {
      ...opts('statistik-forsorjningsstod-2018.csv', { unitCode: 'EKBIST', dryRun: true }),
      fileName: 'x-2018.csv',
      bytes: new TextEncoder().encode(text),
    });
    expect(unknown.errors[0]).toMatchObject({ row: 15, column: 'A', found: 'Startade utredningarna', expected: 'Startade utredningar' });
    expect(unknown.errors[0]?.message).toContain(
      'Okänd rad "Startade utredningarna" i fil x-2018.csv, rad 15, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Startade utredningar"?',
    );
    // Beside the message, the row and the suggested mapping as fields (what the page's "Koppla raden…" prefills).
    expect(unknown.errors[0]?.unknownRow).toEqual({
      section: '',
      parentLabel: '',
      label: 'Startade utredningarna',
      suggestion: { section: '', parentLabel: '', label: 'Startade utredningar', kpiId: 'startade-utredningar', gender: 'T', ageBand: '', unitCode: null },
    });
    // Its sub-row is unknown too (its parent is): the closest known one is the same sub-row under the old label, band 18-24 of the same KPI.
    expect(unknown.errors[1]).toMatchObject({ row: 16, found: 'Varav 18-24år' });
    expect(unknown.errors[1]?.unknownRow).toEqual({
      section: '',
      parentLabel: 'Startade utredningarna',
      label: 'Varav 18-24år',
      suggestion: { section: '', parentLabel: 'Startade utredningar', label: 'Varav 18-24år', kpiId: 'startade-utredningar', gender: 'T', ageBand: '18-24', unitCode: null },
    });
  });
});
