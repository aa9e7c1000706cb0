/**
 * The bad-file corpus: every file in bad-files/ is refused with its own clear
 * Swedish error at the right place, and nothing at all is written. Plus two
 * generated at run time: a 50 MB file, and the zip bombs under a memory bound.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useWorldForBadInput } from './bad-input.js';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/index.js';
import { bytesOf, NOW_MONTH, ORG } from './fixture.js';
import { zip } from './zip-writer.js';
import { LIBRARY_TEXT, READ_RIGHT_CASES, READING_CASES } from './reading-cases.js';

const DIR = resolve(import.meta.dirname, 'bad-files');

/** Each bad file, the place of its first error (sheet, row, column), and the Swedish words that must be in it. */
// One case a line (prettier would fold the long ones).
// prettier-ignore
const CASES: [file: string, sheet: string | null, row: number, column: string | null, message: string][] = [
  // Not a readable file
  ['empty.csv', null, 1, null, 'Filen innehåller inga datarader (i fil empty.csv, rad 1).'],
  ['bom-only.csv', null, 1, null, 'Filen innehåller inga datarader (i fil bom-only.csv, rad 1).'],
  ['blank-lines.csv', null, 1, null, 'Filen innehåller inga datarader (i fil blank-lines.csv, rad 1).'],
  ['semicolons-only.csv', null, 1, null, 'Filen innehåller inga datarader (i fil semicolons-only.csv, rad 1).'],
  ['nul-in-middle.csv', null, 3, null, 'Filen nul-in-middle.csv är en binärfil, inte text, och kan inte läsas som CSV (i fil nul-in-middle.csv, rad 3).'],
  ['utf16-be.csv', null, 1, null, 'Filen utf16-be.csv är sparad som UTF-16 ("Unicode-text") (i fil utf16-be.csv, rad 1).'],
  ['header-only.csv', null, 2, null, 'Filen innehåller inga datarader (i fil header-only.csv, rad 2).'],
  ['binary-junk.csv', null, 1, null, 'är en binärfil, inte text, och kan inte läsas som CSV (i fil binary-junk.csv, rad 1)'],
  ['pdf-renamed.csv', null, 1, null, 'Filen pdf-renamed.csv är en PDF-fil (fast namnet slutar på .csv)'],
  ['utf16.csv', null, 1, null, 'Filen utf16.csv är sparad som UTF-16 ("Unicode-text") (i fil utf16.csv, rad 1). Spara om den i Excel som "CSV UTF-8 (kommaavgränsad)".'],
  ['neither-encoding.csv', null, 3, null, 'Filen neither-encoding.csv är varken UTF-8 eller Windows-1252 (första felaktiga tecknet i fil neither-encoding.csv, rad 3)'],
  ['html-page.csv', null, 1, '<!DOCTYPE html>', 'Okänd kolumn "<!DOCTYPE html>" i rubrikraden i fil html-page.csv, rad 1'],
  ['junk.xlsx', null, 1, null, 'Filen junk.xlsx är en binärfil, inte text'],
  ['truncated-2021.xlsx', null, 1, null, 'Filen truncated-2021.xlsx går inte att öppna som Excel-arbetsbok: ingen innehållsförteckning (filen är avkortad eller inte en zip-fil).'],
  ['zip-not-xlsx.xlsx', null, 1, null, 'Filen zip-not-xlsx.xlsx är en zip-fil (fast namnet slutar på .xlsx), inte en Excel-arbetsbok, och kan inte importeras (i fil zip-not-xlsx.xlsx, rad 1).'],
  ['empty-sheets.xlsx', null, 1, null, 'Filen empty-sheets.xlsx går inte att läsa som Excel-arbetsbok (i fil empty-sheets.xlsx, rad 1): alla blad är tomma.'],
  ['zip-bomb.xlsx', null, 1, null, 'Filen zip-bomb.xlsx avvisas: delen xl/worksheets/sheet1.xml packas upp till 200 MB, 1029 gånger mer än packat. Det ser ut som en zip-bomb'],
  ['zip-bomb-lying.xlsx', null, 1, null, 'Filen zip-bomb-lying.xlsx avvisas: delen xl/worksheets/sheet1.xml packas upp till mer än den uppger. Det ser ut som en zip-bomb'],
  // Long CSV: header and syntax
  ['tab-separated.csv', null, 1, 'kpi\tunit\tperiod\tgender\tvalue', 'Okänd kolumn "kpi\tunit\tperiod\tgender\tvalue" i rubrikraden i fil tab-separated.csv, rad 1'],
  ['wrong-header.csv', null, 1, 'datum', 'Okänd kolumn "datum" i rubrikraden i fil wrong-header.csv, rad 1, kolumn datum.'],
  ['missing-column.csv', null, 1, null, 'Kolumnen "value" (eller "värde") saknas i rubrikraden i fil missing-column.csv, rad 1.'],
  ['duplicate-column.csv', null, 1, 'värde', 'Kolumnen "värde" i fil duplicate-column.csv, rad 1, kolumn värde betyder samma sak som "value"'],
  ['wrong-field-count.csv', null, 3, null, 'Fel antal fält i fil wrong-field-count.csv, rad 3: raden har 6 fält men rubrikraden har 5.'],
  ['unclosed-quote.csv', null, 2, null, 'Raden går inte att läsa som CSV i fil unclosed-quote.csv, rad 2: citattecknen (") går inte ihop'],
  ['truncated.csv', null, 3, null, 'Fel antal fält i fil truncated.csv, rad 3: raden har 3 fält men rubrikraden har 5.'],
  ['too-many-errors.csv', null, 2, 'nyckeltal', 'Okänd KPI "okand-0" i fil too-many-errors.csv, rad 2, kolumn nyckeltal.'],
  // Long CSV: values against the catalogue
  ['unknown-kpi.csv', null, 3, 'kpi', 'Okänd KPI "hushall-utbetal" i fil unknown-kpi.csv, rad 3, kolumn kpi. Menade du "hushall-utbetalt"?'],
  ['unknown-unit.csv', null, 3, 'unit', 'Okänd enhet "E9" i fil unknown-unit.csv, rad 3, kolumn unit. Menade du "E1"?'],
  ['ratio-kpi.csv', null, 2, 'kpi', 'KPI "kr-per-hushall" i fil ratio-kpi.csv, rad 2, kolumn kpi är en kvot (utbetalt-kr / hushall-utbetalt)'],
  ['period-as-date.csv', null, 2, 'period', 'Ogiltig period "2021-01-31" i fil period-as-date.csv, rad 2, kolumn period. Skriv månaden som ÅÅÅÅ-MM'],
  ['bad-period.csv', null, 2, 'period', 'Ogiltig period "2021-13" i fil bad-period.csv, rad 2, kolumn period. Skriv månaden som ÅÅÅÅ-MM'],
  ['period-outside-kpi.csv', null, 2, 'period', 'Perioden 2021-01 i fil period-outside-kpi.csv, rad 2, kolumn period ligger utanför tiden då KPI "gammal-kpi" finns (2018-01–2019-12).'],
  ['unit-not-leaf.csv', null, 2, 'unit', 'Enheten "AVD" har underenheter 2021-01 (i fil unit-not-leaf.csv, rad 2, kolumn unit).'],
  ['unit-not-valid.csv', null, 2, 'unit', 'Enheten "E2" fanns inte 2023-02 (i fil unit-not-valid.csv, rad 2, kolumn unit)'],
  ['bad-gender.csv', null, 2, 'gender', 'Ogiltigt kön "X" i fil bad-gender.csv, rad 2, kolumn gender.'],
  ['gender-not-split.csv', null, 2, 'gender', 'KPI "utbetalt-kr" är inte könsuppdelad, men i fil gender-not-split.csv, rad 2, kolumn gender står "K".'],
  ['bad-age-band.csv', null, 2, 'age_band', 'Okänd åldersgrupp "30-50" för KPI "sjukfranvaro" i fil bad-age-band.csv, rad 2, kolumn age_band.'],
  ['question-mark.csv', null, 3, 'value', 'Värdet "?" i fil question-mark.csv, rad 3, kolumn value är inte ett tal. "?" betyder i rapporterna att uppgift saknas'],
  ['formula.csv', null, 2, 'value', 'Värdet "=1+1" i fil formula.csv, rad 2, kolumn value är inte ett tal. Celler som börjar med =, + eller @ tolkas aldrig som formler'],
  ['value-with-letters.csv', null, 3, 'value', 'Värdet "12 st" i fil value-with-letters.csv, rad 3, kolumn value är inte ett tal. Skriv ett tal'],
  ['excel-error.csv', null, 2, 'value', 'Värdet "#VÄRDEFEL!" i fil excel-error.csv, rad 2, kolumn value är inte ett tal.'],
  ['negative-denominator.csv', null, 2, 'denominator', 'Nämnaren "-100" i fil negative-denominator.csv, rad 2, kolumn denominator är negativ.'],
  ['missing-value.csv', null, 2, 'value', 'Värde saknas i fil missing-value.csv, rad 2, kolumn value. Fyll i värdet.'],
  ['negative-count.csv', null, 2, 'value', 'Negativt värde "-3" i fil negative-count.csv, rad 2, kolumn value: KPI "hushall-utbetalt" räknar antal eller kronor'],
  ['zero-denominator.csv', null, 2, 'denominator', 'Nämnaren "0" i fil zero-denominator.csv, rad 2, kolumn denominator är noll'],
  ['duplicate-row.csv', null, 4, null, 'förekommer två gånger i fil duplicate-row.csv: rad 2 och rad 4. Ta bort en av raderna.'],
  // Wide monthly reports (CSV)
  ['wide-question-mark-2021.csv', null, 2, 'Februari', 'Värdet "?" i fil wide-question-mark-2021.csv, rad 2, kolumn Februari är inte ett tal.'],
  ['wide-not-a-number-2021.csv', null, 3, 'Januari', 'Värdet "x" i fil wide-not-a-number-2021.csv, rad 3, kolumn Januari är inte ett tal.'],
  ['wide-unknown-label-2021.csv', null, 3, 'A', 'Okänd rad "Hushål" i fil wide-unknown-label-2021.csv, rad 3, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Hushåll"?'],
  ['wide-no-year.csv', null, 1, 'Januari', 'Året framgår inte av kolumnen "Januari" i fil wide-no-year.csv, rad 1, kolumn Januari eller av filnamnet.'],
  ['wide-year-conflict-2021.csv', null, 1, '2020-01', 'Kolumnen "2020-01" i fil wide-year-conflict-2021.csv, rad 1, kolumn 2020-01 gäller 2020, men importen gäller 2021.'],
  ['wide-duplicate-month-2021.csv', null, 1, 'Januari', 'Månaden "Januari" i fil wide-duplicate-month-2021.csv, rad 1, kolumn Januari finns redan i kolumn Januari.'],
  ['wide-unknown-header-2021.csv', null, 1, 'Febuari', 'Okänd kolumnrubrik "Febuari" i fil wide-unknown-header-2021.csv, rad 1, kolumn Febuari. Menade du "Februari"?'],
  ['wide-duplicate-label-2021.csv', null, 3, 'A', 'Raden "Utbetalt" i fil wide-duplicate-label-2021.csv, rad 3, kolumn A finns redan på rad 2 under samma rubrik.'],
  ['wide-values-without-label-2021.csv', null, 3, 'A', 'Raden har värden men ingen rubrik i fil wide-values-without-label-2021.csv, rad 3, kolumn A.'],
  ['wide-merged-header-2021.csv', null, 3, 'C', 'Kolumnen C har värden men ingen rubrik (i fil wide-merged-header-2021.csv, rad 3, kolumn C).'],
  ['wide-month-first-2021.csv', null, 1, 'Januari', 'Första kolumnen i fil wide-month-first-2021.csv, rad 1, kolumn Januari är en månad'],
  ['wide-negative-count-2021.csv', null, 2, 'Februari', 'Negativt värde "-200" i fil wide-negative-count-2021.csv, rad 2, kolumn Februari'],
  ['wide-period-outside-kpi-2021.csv', null, 2, 'Januari', 'Perioden 2021-01 i fil wide-period-outside-kpi-2021.csv, rad 2, kolumn Januari ligger utanför tiden då KPI "gammal-kpi" finns'],
  ['wide-half-split-2021.csv', null, 2, 'A', 'Raden "Hushåll" i fil wide-half-split-2021.csv, rad 2, kolumn A har en rad för kvinnor men ingen för män'],
  // Wide monthly reports (XLSX): the sheet is named in every message
  ['formulas-2021.xlsx', 'Formler', 2, 'Januari', 'Värdet "=SUM(C2:C9)" i fil formulas-2021.xlsx, blad Formler, rad 2, kolumn Januari är inte ett tal. Celler som börjar med =, + eller @ tolkas aldrig som formler'],
  ['merged-header-2021.xlsx', 'Rapport', 1, 'Januari', 'Rubrikcellerna B1:C1 är sammanfogade (i fil merged-header-2021.xlsx, blad Rapport, rad 1, kolumn Januari), så det går inte att se vilken månad'],
  ['second-sheet-bad-2021.xlsx', 'Februari', 2, 'Februari', 'Värdet "saknas" i fil second-sheet-bad-2021.xlsx, blad Februari, rad 2, kolumn Februari är inte ett tal.'],
];

describe.each(TEST_DB_KINDS)('bad files on %s', (kind) => {
  const { database, itWroteNothing } = useWorldForBadInput(kind);

  const run = (fileName: string, bytes: Uint8Array) =>
    importFile(database.db, { orgId: ORG, fileName, bytes, dryRun: false, user: 'tester', unitCode: 'E1', confirmWarnings: true, currentMonth: NOW_MONTH });

  it('the corpus has at least 40 files and a case for each', () => {
    const files = readdirSync(DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect([...CASES, ...READING_CASES, ...READ_RIGHT_CASES].map((c) => c[0]).sort()).toEqual(files);
  });

  it.each([...CASES, ...READING_CASES])('%s is refused in sheet %s at row %i, column %s', async (file, sheet, row, column, message) => {
    const r = await run(file, readFileSync(resolve(DIR, file)));
    expect(r.ok).toBe(false);
    expect(r.batchId).toBeNull();
    expect(r.errors[0]).toMatchObject({ severity: 'error', file, sheet, row, column });
    expect(r.errors[0]?.message).toContain(message);
    expect(r.errors[0]?.messageEn.length).toBeGreaterThan(10);
    for (const e of r.errors) expect(e.message).not.toMatch(LIBRARY_TEXT);
  });

  // Dry runs, so the check below that nothing was written still holds.
  it.each(READ_RIGHT_CASES)('%s is read right: skipped sheets %j named in warnings', async (file, skipped, values) => {
    const r = await importFile(database.db, {
      orgId: ORG,
      fileName: file,
      bytes: readFileSync(resolve(DIR, file)),
      dryRun: true,
      user: 'tester',
      unitCode: 'E1',
      currentMonth: NOW_MONTH,
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.sheet)).toEqual(skipped);
    for (const [w, sheet] of r.warnings.map((w, i) => [w, skipped[i] ?? ''] as const)) expect(w.message).toContain(`Bladet ${sheet} `);
    expect(r.needsConfirmation).toBe(skipped.length > 0);
    expect(r.diff.map((d) => [d.kpi, d.month, d.new.numerator])).toEqual(values);
  });

  it('a wide report of 12 000 rows is read without a crash, and its 12 000 errors are told as 200 and a count', async () => {
    const months = 'Januari,Februari,Mars,April,Maj,Juni,Juli,Augusti,September,Oktober,November,December';
    const lines = [`,,${months}`, ...Array.from({ length: 12_000 }, (_, i) => `Avsnitt ${i},Utbetalt,1,2,3,4,5,6,7,8,9,10,11,12`)];
    const r = await run('bred-2021.csv', bytesOf(lines.join('\n')));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(201);
    expect(r.errors[0]?.message).toContain('förekommer två gånger');
    expect(r.errors[200]?.message).toMatch(/^Ytterligare \d+ fel i fil bred-2021\.csv visas inte/);
    for (const e of r.errors) expect(e.message).not.toMatch(LIBRARY_TEXT);
  });

  it('100 000 columns are refused with one message', async () => {
    const header = ['', ...Array.from({ length: 100_000 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)];
    for (const [file, text] of [
      ['bred.csv', `${header.join(',')}\nUtbetalt,${'1,'.repeat(100_000)}\n`],
      ['lang.csv', `kpi,unit,period,gender,value${',x'.repeat(100_000)}\nutbetalt-kr,E1,2021-01,T,1\n`],
    ] as const) {
      const r = await run(file, bytesOf(text));
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ file, row: 1, column: null });
      expect(r.errors[0]?.message).toContain(`Raden har 100 00`);
      expect(r.errors[0]?.message).toContain('men en rapport har högst 1 000');
    }
  });

  it('a wide report of more cells than a report has is refused with one message, as soon as it is read that far', async () => {
    const lines = [',Januari,Februari,Mars', ...Array.from({ length: 70_000 }, (_, i) => `Rad ${i},1,2,3`)];
    const r = await run('stor-rapport-2021.csv', bytesOf(lines.join('\n')));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 62_501, column: null });
    expect(r.errors[0]?.message).toContain('Rapporten har fler än 250 000 ifyllda celler (fler än så i fil stor-rapport-2021.csv, rad 62501)');
  });

  it('a workbook too large to read is told as too large, with what to do, not as a zip bomb', async () => {
    // Random bytes do not compress: 17 MB packed and unpacked, under the byte limit but over the workbook's.
    const bytes = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: randomBytes(17 * 1024 * 1024) },
    ]);
    const r = await run('stor-2021.xlsx', bytes);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toContain('Filen stor-2021.xlsx är 17 MB uppackad, men högst 16 MB kan läsas (en månadsrapport är under 1 MB). Dela upp arbetsboken');
    expect(r.errors[0]?.message).not.toContain('zip-bomb');
  });

  it('a 10 MB header line is echoed as its first characters, in every message', async () => {
    const r = await run('rubrik.csv', bytesOf(`${'x'.repeat(10_000_000)},kpi\nutbetalt-kr,1\n`));
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toContain(`Okänd kolumn "${'x'.repeat(119)}…" i rubrikraden i fil rubrik.csv, rad 1, kolumn ${'x'.repeat(119)}…`);
    expect(JSON.stringify(r).length).toBeLessThan(20_000);
  });

  it('a 50 MB file is refused before it is read', async () => {
    const line = 'utbetalt-kr,E1,2021-01,T,1234567\n';
    const bytes = new TextEncoder().encode('kpi,unit,period,gender,value\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const started = performance.now();
    const r = await run('stor.csv', bytes);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toBe('Filen stor.csv är 50,0 MB, men högst 40,0 MB kan importeras åt gången (i fil stor.csv, rad 1). Dela upp den, till exempel ett år per fil.');
  });

  it('the zip bombs are refused with bounded memory', async () => {
    for (const file of ['zip-bomb.xlsx', 'zip-bomb-lying.xlsx']) {
      const rss = process.memoryUsage().rss;
      const r = await run(file, readFileSync(resolve(DIR, file)));
      expect(r.ok).toBe(false);
      // Inflating either bomb would take 200 MB; the guard stops at the size it declares (1 kB for the liar).
      expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    }
  });

  itWroteNothing();

  // After the check above, since this one writes: what Excel leaves behind (BOM, CRLF, empty trailing rows and columns) is not an error.
  it('a good file with trailing empty rows and columns still imports, all of it', async () => {
    const file = 'trailing-empty-rows-columns.csv';
    const r = await run(file, readFileSync(resolve(import.meta.dirname, 'good-files', file)));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, summary: { new: 3, changed: 0, unchanged: 0, rows: 3 } });
    expect(r.batchId).not.toBeNull();
    expect(r.diff.find((d) => d.kpi === 'utbetalt-kr')).toMatchObject({ new: { numerator: 3634873.98 }, row: 4 });
  });
});
