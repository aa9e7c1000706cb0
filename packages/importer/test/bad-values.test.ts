/**
 * The bad-value corpus: files whose every cell reads, but whose values cannot
 * be what their KPI measures (a number split by a space, a unit that is not
 * the KPI's, a denominator where there is none, a count with decimals, a month
 * that has not been). Each is refused with its own Swedish error at the right
 * place, and nothing at all is written. As bad-files.test.ts, in its own
 * folder (bad-values/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { observations } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useWorldForBadInput } from './bad-input.js';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportIssue } from '../src/index.js';
import { cliMessage } from '../src/common/options.js';
import { NOW_MONTH, ORG } from './fixture.js';

const DIR = resolve(import.meta.dirname, 'bad-values');

interface Case {
  file: string;
  row: number;
  column: string | null;
  /** Words the first error's message must contain. */
  message: string;
  /** The import option the message points at, named by the CLI and the page each in its own words. */
  option?: ImportIssue['option'];
  /** The unit given with the import; default E1. */
  unitCode?: string;
  /** The number of errors, where it matters that there is one and not one per row. */
  errors?: number;
}

const CASES: Case[] = [
  // Numbers are whole tokens
  {
    file: 'number-line-break-inside.csv',
    row: 2,
    column: 'value',
    message: 'Värdet "65⏎0" i fil number-line-break-inside.csv, rad 2, kolumn value är inte ett tal: "65" och "0" skiljs av ett mellanrum eller en radbrytning.',
  },
  {
    file: 'number-space-inside.csv',
    row: 3,
    column: 'value',
    message:
      'Värdet "9 5" i fil number-space-inside.csv, rad 3, kolumn value är inte ett tal: "9" och "5" skiljs av ett mellanrum eller en radbrytning. Mellanslag får bara stå mellan grupper om tre siffror (3 634 874).',
  },
  {
    file: 'wide-number-space-inside-2021.csv',
    row: 2,
    column: 'Februari',
    message: 'Värdet "8 23" i fil wide-number-space-inside-2021.csv, rad 2, kolumn Februari är inte ett tal: "8" och "23" skiljs av',
  },
  // Units in cells
  {
    file: 'tkr-in-count.csv',
    row: 3,
    column: 'value',
    message: 'Värdet "4 915 tkr" i fil tkr-in-count.csv, rad 3, kolumn value anges i tkr, men KPI "hushall-utbetalt" räknas i antal. Skriv värdet i antal utan enhet i cellen.',
  },
  {
    file: 'percent-in-count.csv',
    row: 2,
    column: 'value',
    message: 'Värdet "8 %" i fil percent-in-count.csv, rad 2, kolumn value anges i %, men KPI "hushall-utbetalt" räknas i antal. En andel i procent kan inte lagras som antal.',
  },
  {
    file: 'wide-percent-in-count-2021.csv',
    row: 2,
    column: 'Februari',
    message: 'Värdet "8 %" i fil wide-percent-in-count-2021.csv, rad 2, kolumn Februari anges i %, men KPI "hushall-utbetalt" räknas i antal.',
  },
  {
    file: 'wrong-unit-for-amount.csv',
    row: 4,
    column: 'value',
    message: 'Värdet "12 dygn" i fil wrong-unit-for-amount.csv, rad 4, kolumn value anges i dygn, men KPI "utbetalt-kr" räknas i kronor (kr).',
    errors: 1,
  },
  // Denominators only where the KPI has one, and always where it needs one
  {
    file: 'denominator-on-count.csv',
    row: 2,
    column: 'denominator',
    message: 'Nämnaren "5" i fil denominator-on-count.csv, rad 2, kolumn denominator hör inte hit: KPI "hushall-utbetalt" räknas i antal och har ingen nämnare',
  },
  {
    file: 'rate-without-denominator.csv',
    row: 2,
    column: 'denominator',
    message:
      'Nämnare saknas i fil rate-without-denominator.csv, rad 2, kolumn denominator: KPI "sjukfranvaro" räknas i procent (%) som täljare delat med nämnare, och utan nämnaren visas värdet fel (t.ex. "810,0 %").',
  },
  {
    file: 'share-over-100.csv',
    row: 2,
    column: 'value',
    message: 'Värdet 8,1 med nämnaren 1 i fil share-over-100.csv, rad 2, kolumn value ger 810 % för KPI "sjukfranvaro", men en andel kan vara högst 100 %.',
  },
  // Counts of individuals are whole, non-negative and plausible
  {
    file: 'count-with-decimals.csv',
    row: 3,
    column: 'value',
    message: 'Värdet "196,5" i fil count-with-decimals.csv, rad 3, kolumn value är inget heltal, men KPI "hushall-utbetalt" räknar antal (personer, hushåll eller ärenden).',
  },
  { file: 'wide-count-quarter-2021.csv', row: 3, column: 'Januari', message: 'Värdet "0,75" i fil wide-count-quarter-2021.csv, rad 3, kolumn Januari är inget heltal' },
  {
    file: 'count-huge.csv',
    row: 2,
    column: 'value',
    message: 'Värdet "100000000000000000000000" i fil count-huge.csv, rad 2, kolumn value är orimligt stort för KPI "hushall-utbetalt" (högst 10 000 000).',
  },
  // No month after the current one
  { file: 'future-month.csv', row: 3, column: 'period', message: `Månaden 2099-12 i fil future-month.csv, rad 3, kolumn period har inte varit än (nu är det ${NOW_MONTH}).` },
  { file: 'wide-future-month.csv', row: 2, column: '2099-11', message: 'Månaden 2099-11 i fil wide-future-month.csv, rad 2, kolumn 2099-11 har inte varit än' },
  // Missing-value marks: say that they can be skipped
  {
    file: 'missing-mark-ellipsis.csv',
    row: 3,
    column: 'value',
    option: 'skipMissing',
    message: 'Värdet "…" i fil missing-mark-ellipsis.csv, rad 3, kolumn value är inte ett tal. "…" betyder i rapporterna att uppgift saknas',
  },
  {
    file: 'wide-missing-mark-x-2021.csv',
    row: 2,
    column: 'Februari',
    option: 'skipMissing',
    message: 'Värdet "x" i fil wide-missing-mark-x-2021.csv, rad 2, kolumn Februari är inte ett tal. "x" betyder i rapporterna att uppgift saknas',
  },
  { file: 'wide-missing-mark-dots-2021.csv', row: 2, column: 'Februari', option: 'skipMissing', message: 'hoppa över sådana celler med valet att hoppa över saknade värden' },
  // The unit given for the import: one message about the option, naming the units
  {
    file: 'bad-unit-option-2021.csv',
    unitCode: 'XYZ',
    row: 1,
    column: null,
    option: 'unit',
    errors: 1,
    message: 'Enheten "XYZ" som angavs för importen finns inte i organisationen. Det gäller importens val av enhet, inte filen bad-unit-option-2021.csv. Välj en av: E1.',
  },
  {
    file: 'unit-option-not-leaf-2021.csv',
    unitCode: 'AVD',
    row: 1,
    column: null,
    option: 'unit',
    errors: 1,
    message: 'Enheten "AVD" som angavs för importen har underenheter; värden lagras på enheterna längst ned.',
  },
];

describe.each(TEST_DB_KINDS)('bad values on %s', (kind) => {
  const { database, itWroteNothing } = useWorldForBadInput(kind);

  const run = (fileName: string, bytes: Uint8Array, unitCode = 'E1') =>
    importFile(database.db, { orgId: ORG, fileName, bytes, dryRun: false, user: 'tester', unitCode, confirmWarnings: true, currentMonth: NOW_MONTH });

  it('every file has a case', () => {
    expect(CASES.map((c) => c.file).sort()).toEqual(readdirSync(DIR).sort());
  });

  it.each(CASES)('$file is refused at row $row, column $column', async (c) => {
    const r = await run(c.file, readFileSync(resolve(DIR, c.file)), c.unitCode);
    expect(r.ok).toBe(false);
    expect(r.batchId).toBeNull();
    expect(r.errors[0]).toMatchObject({ severity: 'error', file: c.file, sheet: null, row: c.row, column: c.column });
    expect(r.errors[0]?.message).toContain(c.message);
    expect(r.errors[0]?.messageEn.length).toBeGreaterThan(10);
    expect(r.errors[0]?.option).toBe(c.option);
    if (c.errors !== undefined) expect(r.errors).toHaveLength(c.errors);
    // No message names a CLI flag: the CLI adds its own, the page names its field.
    for (const e of r.errors) expect(e.message).not.toMatch(/--[a-z]/);
  });

  it('the CLI wording of a missing-value mark names --skip-missing', async () => {
    const r = await run('missing-mark-ellipsis.csv', readFileSync(resolve(DIR, 'missing-mark-ellipsis.csv')));
    expect(cliMessage(r.errors[0] ?? { message: '' })).toContain('Kör med --skip-missing för att hoppa över dem.');
  });

  itWroteNothing();

  // After the check above, since this one writes.
  it('amounts with a unit are converted to the KPI’s unit, and thousands separators of every kind are read', async () => {
    const file = 'amounts-with-units.csv';
    const r = await run(file, readFileSync(resolve(import.meta.dirname, 'good-files', file)));
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const stored = await database.db
      .select({ month: observations.month, n: observations.numerator })
      .from(observations)
      .where(and(eq(observations.kpiId, 'utbetalt-kr'), eq(observations.sourceFile, file)))
      .orderBy(observations.month);
    expect(stored).toEqual([
      { month: '2021-01', n: 4_915_000 },
      { month: '2021-02', n: 3_634_874 },
      { month: '2021-03', n: 2_000_000 },
    ]);
  });
});
