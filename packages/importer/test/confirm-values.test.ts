/**
 * Files that are valid but change what is stored, or look like a typo
 * against the unit's own history: held until confirmed (a preview says so,
 * an import without confirmation writes nothing), then committed. The
 * README's promise: a value that changes a stored figure never commits
 * silently. Each case file is in confirm-values/, with the stored figures it
 * is imported over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/index.js';
import { cliMessage } from '../src/common/options.js';
import { dumpAll } from './dump.js';
import { bytesOf, insertFixture, NOW_MONTH, ORG } from './fixture.js';

const DIR = resolve(import.meta.dirname, 'confirm-values');
const HEADER = 'kpi,unit,period,gender,value\n';
const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

interface Case {
  file: string;
  /** What is stored before the file is imported. */
  stored: string[];
  /** The warnings' places and the words their messages must contain, in order. */
  warnings: { row: number; column: string; message: string }[];
  summary: { new: number; changed: number };
}

const CASES: Case[] = [
  {
    file: 'changed-603-to-610.csv',
    stored: ['hushall-utbetalt,E1,2021-03,K,603', 'hushall-utbetalt,E1,2021-03,M,598'],
    warnings: [
      {
        row: 2,
        column: 'value',
        message:
          '1 sparat värde för KPI "hushall-utbetalt", enhet "E1" ändras av filen (första i fil changed-603-to-610.csv, rad 2, kolumn value): 2021-03 kön K: 603 → 610 (rad 2). Kontrollera ändringarna och bekräfta för att spara.',
      },
    ],
    summary: { new: 0, changed: 1 },
  },
  {
    file: 'jump-tenfold.csv',
    stored: months(2019).map((m, i) => `hushall-utbetalt,E2,${m},K,${600 + i}`),
    warnings: [
      {
        row: 2,
        column: 'value',
        message:
          '1 värde för KPI "hushall-utbetalt", enhet "E2" är tio gånger större eller mindre än enhetens median för de tolv månaderna före (första i fil jump-tenfold.csv, rad 2, kolumn value): 2020-01 kön K: 6 300 mot median 605,5 (rad 2).',
      },
    ],
    summary: { new: 1, changed: 0 },
  },
  {
    file: 'many-changes.csv',
    stored: [...months(2018), ...months(2019)].flatMap((m) => ['K', 'M'].map((g) => `hushall-utbetalt,E1,${m},${g},${100 + Number(m.slice(5))}`)),
    // One line for the KPI and unit, not 48.
    warnings: [
      {
        row: 2,
        column: 'value',
        message:
          '48 sparade värden för KPI "hushall-utbetalt", enhet "E1" ändras av filen (första i fil many-changes.csv, rad 2, kolumn value): 2018-01 kön K: 101 → 102 (rad 2); 2018-01 kön M: 101 → 102 (rad 3); 2018-02 kön K: 102 → 103 (rad 4) och 45 till.',
      },
    ],
    summary: { new: 0, changed: 48 },
  },
];

describe.each(TEST_DB_KINDS)('values that need confirmation on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => insertFixture(opened.db));

  const run = (fileName: string, bytes: Uint8Array, over: { dryRun?: boolean; confirmWarnings?: boolean } = {}) =>
    importFile(database.db, { orgId: ORG, fileName, bytes, dryRun: false, user: 'tester', currentMonth: NOW_MONTH, ...over });

  it('every file has a case', () => {
    expect(CASES.map((c) => c.file).sort()).toEqual(readdirSync(DIR).sort());
  });

  it.each(CASES)('$file waits for confirmation, writes nothing until then, and commits once confirmed', async (c) => {
    const stored = await run(`stored-${c.file}`, bytesOf(HEADER + c.stored.join('\n')), { confirmWarnings: true });
    expect(stored.batchId).toEqual(expect.any(Number));
    const bytes = readFileSync(resolve(DIR, c.file));
    const before = await dumpAll(database.db);

    const preview = await run(c.file, bytes, { dryRun: true });
    expect(preview).toMatchObject({ ok: true, needsConfirmation: true, summary: c.summary });
    const held = await run(c.file, bytes);
    expect(held).toMatchObject({ ok: true, needsConfirmation: true, batchId: null, summary: c.summary });
    expect(held.warnings).toHaveLength(c.warnings.length);
    c.warnings.forEach((w, i) => {
      expect(held.warnings[i]).toMatchObject({ severity: 'warning', row: w.row, column: w.column, option: 'confirm' });
      expect(held.warnings[i]?.message).toContain(w.message);
      expect(cliMessage(held.warnings[i] ?? { message: '' })).toContain('Kör igen med --yes för att spara ändå.');
    });
    expect(await dumpAll(database.db)).toEqual(before);

    const confirmed = await run(c.file, bytes, { confirmWarnings: true });
    expect(confirmed).toMatchObject({ ok: true, needsConfirmation: false, summary: c.summary });
    expect(confirmed.batchId).toEqual(expect.any(Number));
  });
});
