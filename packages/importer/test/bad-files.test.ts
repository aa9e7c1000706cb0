import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openTestDatabase, TEST_DB_KINDS, type TestDatabase } from '@lagesbild/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/index.js';
import { dumpAll } from './dump.js';
import { insertFixture, ORG } from './fixture.js';

/** Each bad file, the place of its first error, and the Swedish words that must be in it. */
const CASES: [file: string, row: number, column: string | null, message: string][] = [
  ['empty.csv', 1, null, 'Filen innehåller inga datarader (i fil empty.csv, rad 1).'],
  ['header-only.csv', 2, null, 'Filen innehåller inga datarader (i fil header-only.csv, rad 2).'],
  ['wrong-header.csv', 1, 'datum', 'Okänd kolumn "datum" i rubrikraden i fil wrong-header.csv, rad 1, kolumn datum.'],
  ['binary-junk.csv', 1, null, 'är en binärfil, inte text, och kan inte läsas som CSV (i fil binary-junk.csv, rad 1)'],
  ['windows-1252.csv', 1, null, 'Filen windows-1252.csv är inte sparad som UTF-8'],
  ['question-mark.csv', 3, 'value', 'Värdet "?" i fil question-mark.csv, rad 3, kolumn value är inte ett tal. "?" betyder i rapporterna att uppgift saknas'],
  ['duplicate-row.csv', 4, null, 'förekommer två gånger i fil duplicate-row.csv: rad 2 och rad 4. Ta bort en av raderna.'],
  ['wrong-field-count.csv', 3, null, 'Fel antal fält i fil wrong-field-count.csv, rad 3: raden har 6 fält men rubrikraden har 5.'],
  ['unknown-kpi.csv', 3, 'kpi', 'Okänd KPI "hushall-utbetal" i fil unknown-kpi.csv, rad 3, kolumn kpi. Menade du "hushall-utbetalt"?'],
  ['formula.csv', 2, 'value', 'Värdet "=1+1" i fil formula.csv, rad 2, kolumn value är inte ett tal. Celler som börjar med =, + eller @ tolkas aldrig som formler'],
];

describe.each(TEST_DB_KINDS)('bad files on %s', (kind) => {
  let database: TestDatabase;
  let before: Record<string, string>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await insertFixture(database.db);
    before = await dumpAll(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it.each(CASES)('%s is refused at row %i, column %s', async (file, row, column, message) => {
    const bytes = readFileSync(resolve(import.meta.dirname, 'bad-files', file));
    const r = await importFile(database.db, { orgId: ORG, fileName: file, bytes, dryRun: false, user: 'tester' });
    expect(r.ok).toBe(false);
    expect(r.batchId).toBeNull();
    expect(r.errors[0]).toMatchObject({ severity: 'error', file, row, column });
    expect(r.errors[0]?.message).toContain(message);
    expect(r.errors[0]?.messageEn.length).toBeGreaterThan(10);
  });

  it('none of them wrote anything', async () => {
    expect(await dumpAll(database.db)).toEqual(before);
  });
});
