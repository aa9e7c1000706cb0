import { describe, expect, it } from 'vitest';
import type { ImportIssue, MappingRow } from '../api/import.js';
import {
  breakable,
  duplicateOf,
  emptyForm,
  filterMappings,
  formOfMapping,
  formProblem,
  kpiChoices,
  mappingOfForm,
  prefillFromIssue,
  SKIP_ROW,
  type MappingForm,
} from './import-mappings.js';

const PAID = 'Varav antal med utbet. under månaden';
const row = (id: number, over: Partial<MappingRow>): MappingRow => ({
  id,
  section: '',
  parentLabel: '',
  label: 'Aktualiseringar',
  kpiId: 'aktualiseringar',
  gender: 'T',
  ageBand: '',
  unitCode: null,
  updatedBy: 'seed',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const ROWS: MappingRow[] = [
  row(1, {}),
  row(2, { label: 'Kvinnor', parentLabel: PAID, kpiId: 'hushall-utbetalt', gender: 'K' }),
  row(3, { label: 'Barn', section: 'Aktualiseringar', unitCode: 'BU' }),
  row(4, { label: 'Genomsnitt per hushåll', kpiId: null }),
];

const unknown = (over: Partial<NonNullable<ImportIssue['unknownRow']>>): Pick<ImportIssue, 'unknownRow'> => ({
  unknownRow: { section: '', parentLabel: '', label: 'Antal aktualiseringar', suggestion: null, ...over },
});

describe('the mapping form and a mapping', () => {
  it('goes from a stored mapping to the form and back unchanged', () => {
    for (const r of ROWS) {
      const { id: _id, updatedBy: _by, updatedAt: _at, ...fields } = r;
      expect(mappingOfForm(formOfMapping(r))).toEqual(fields);
    }
    // A skipped row is the select's "skip" value, an import's unit the empty choice.
    expect(formOfMapping(ROWS[3] ?? row(0, {}))).toMatchObject({ kpi: SKIP_ROW, unitCode: '' });
  });

  it('tidies the labels and drops gender and age band of a skipped row, as the server wants', () => {
    const form: MappingForm = { section: '  Familjerätten ', parentLabel: 'A  /  B', label: ' Nya\u00a0 ärenden ', kpi: SKIP_ROW, gender: 'K', ageBand: '18-24', unitCode: 'BF' };
    expect(mappingOfForm(form)).toEqual({ section: 'Familjerätten', parentLabel: 'A / B', label: 'Nya ärenden', kpiId: null, gender: 'T', ageBand: '', unitCode: 'BF' });
    expect(mappingOfForm({ ...form, kpi: 'hushall-utbetalt', ageBand: '' })).toMatchObject({ kpiId: 'hushall-utbetalt', gender: 'K', unitCode: 'BF' });
  });

  it('stops a form without label or KPI, and a second mapping of a row the importer would take for the same', () => {
    expect(formProblem(ROWS, { ...emptyForm(), label: '  ', kpi: 'aktualiseringar' }, null)).toBe('label');
    expect(formProblem(ROWS, { ...emptyForm(), label: 'Ny rad' }, null)).toBe('kpi');
    expect(formProblem(ROWS, { ...emptyForm(), label: 'Ny rad', kpi: SKIP_ROW }, null)).toBeNull();
    // Case and spacing do not make another row for the importer.
    const same = { ...emptyForm(), label: 'kvinnor', parentLabel: 'Varav antal med utbet.  under månaden', kpi: 'hushall-utbetalt' };
    expect(formProblem(ROWS, same, null)).toBe('duplicate');
    expect(duplicateOf(ROWS, same, null)?.id).toBe(2);
    // Editing that very mapping is not a duplicate of itself; the same label in another section is another row.
    expect(formProblem(ROWS, same, 2)).toBeNull();
    expect(formProblem(ROWS, { ...same, section: 'Vuxna' }, null)).toBeNull();
  });
});

describe('the form prefilled from an unknown row of a preview', () => {
  it('takes the row from the error and KPI and gender from the closest known row', () => {
    const issue = unknown({
      parentLabel: PAID,
      label: 'Kvinnorna',
      suggestion: { section: '', parentLabel: PAID, label: 'Kvinnor', kpiId: 'hushall-utbetalt', gender: 'K', ageBand: '', unitCode: null },
    });
    expect(prefillFromIssue(issue)).toEqual({ section: '', parentLabel: PAID, label: 'Kvinnorna', kpi: 'hushall-utbetalt', gender: 'K', ageBand: '', unitCode: '' });
  });

  it('takes the suggestion’s unit only from the same section, and a skipped suggestion as "skip"', () => {
    const barn = { section: 'Aktualiseringar', parentLabel: '', label: 'Barn', kpiId: 'aktualiseringar', gender: 'T' as const, ageBand: '', unitCode: 'BU' };
    expect(prefillFromIssue(unknown({ section: 'aktualiseringar', label: 'Barnen', suggestion: barn }))).toMatchObject({
      section: 'aktualiseringar',
      kpi: 'aktualiseringar',
      unitCode: 'BU',
    });
    expect(prefillFromIssue(unknown({ section: 'Nystartade utredningar', label: 'Barnen', suggestion: barn }))).toMatchObject({ kpi: 'aktualiseringar', unitCode: '' });
    const skipped = { ...barn, kpiId: null, unitCode: null };
    expect(prefillFromIssue(unknown({ section: 'Aktualiseringar', label: 'Barnen', suggestion: skipped }))).toMatchObject({ kpi: SKIP_ROW, gender: 'T' });
  });

  it('leaves the KPI to choose when nothing is close, and gives nothing for other errors', () => {
    expect(prefillFromIssue(unknown({}))).toEqual({ ...emptyForm(), label: 'Antal aktualiseringar' });
    expect(prefillFromIssue({})).toBeNull();
  });
});

describe('the filter of the mapping list', () => {
  it('keeps the mappings that hold every word, in any field or in the names shown beside them', () => {
    const names = new Map([['hushall-utbetalt', 'Hushåll med utbetalt försörjningsstöd']]);
    const extra = (r: MappingRow) => [r.kpiId ? (names.get(r.kpiId) ?? '') : 'hoppas över'];
    const ids = (q: string) => filterMappings(ROWS, q, extra).map((r) => r.id);
    expect(ids('')).toEqual([1, 2, 3, 4]);
    expect(ids('  AKTUALISERINGAR ')).toEqual([1, 3]);
    expect(ids('barn bu')).toEqual([3]);
    expect(ids('utbetalt kvinnor')).toEqual([2]);
    expect(ids('hoppas')).toEqual([4]);
    expect(ids('ingenting')).toEqual([]);
  });
});

describe('the KPIs a row can be mapped to', () => {
  it('leaves out ratios, which are computed and never imported', () => {
    const k = (id: string, ratioOf: unknown) => ({ id, name: id, genderSplit: false, ageBands: [], ratioOf });
    expect(kpiChoices([k('utbetalt-forsorjningsstod', null), k('utbetalt-per-hushall', { numerator: 'a', denominator: 'b' })]).map((c) => c.id)).toEqual([
      'utbetalt-forsorjningsstod',
    ]);
  });
});

describe('long labels in the table', () => {
  it('may wrap after each "/", and the parts put together are the label', () => {
    const label = 'Pågående insatser - Kontaktfamiljer/Komplementfamiljer/Kontaktpersoner';
    expect(breakable(label)).toEqual(['Pågående insatser - Kontaktfamiljer/', 'Komplementfamiljer/', 'Kontaktpersoner']);
    expect(breakable(label).join('')).toBe(label);
    expect(breakable('Aktualiseringar')).toEqual(['Aktualiseringar']);
  });
});
