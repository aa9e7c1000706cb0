// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../api/import.js';
import { render, visibleText } from '../test/render.js';
import { previewRows } from './import-rows.js';
import { importIssue } from './import-test-data.js';
import ImportDiffTable from './ImportDiffTable.vue';
import ImportIssues from './ImportIssues.vue';

const missing: ImportIssue = importIssue({});

describe('ImportDiffTable', () => {
  it('marks a rejected cell with a class and a visible marker, not colour alone', () => {
    const rows = previewRows({ diff: [], errors: [missing], warnings: [] }, new Map(), 'sv');
    const table = render(ImportDiffTable, { rows, shown: 0, total: 0 });
    expect(table.get('td[data-field="value"]').classes()).toContain('cell--error');
    expect(visibleText(table)).toContain('20 Mars ✖ Fel: Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal. ? ✖ avvisad');
    expect(table.find('[data-status="rejected"]').exists()).toBe(true);
  });

  it('pages a long diff and says when the server capped it', () => {
    const diff = Array.from({ length: 120 }, (_, i) => ({
      kpi: 'aktualiseringar',
      unit: 'EKBIST',
      month: '2018-01',
      gender: 'T' as const,
      ageBand: '',
      kind: 'new' as const,
      old: null,
      new: { numerator: i, denominator: null },
      row: i + 2,
    }));
    const rows = previewRows({ diff, errors: [], warnings: [] }, new Map(), 'sv');
    const table = render(ImportDiffTable, { rows, shown: 120, total: 12_345 });
    expect(table.findAll('[data-status="new"]')).toHaveLength(50);
    expect(visibleText(table)).toContain('Rad 1–50 av 120');
    expect(visibleText(table)).toContain('Förhandsgranskningen visar de första 120 av 12 345 värden');
    const en = visibleText(render(ImportDiffTable, { rows, shown: 120, total: 120 }, 'en'));
    expect(en).toContain('Rows 1–50 of 120');
    expect(en).not.toContain('first 120');
  });
});

describe('ImportIssues', () => {
  it('names file, row, column and what was found, in Swedish or English', () => {
    const text = visibleText(render(ImportIssues, { errors: [missing], warnings: [] }));
    expect(text).toContain('Fel (1)');
    expect(text).toContain('fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars. Hittat: "?"; väntat: ett tal');
    const en = visibleText(render(ImportIssues, { errors: [], warnings: [{ ...missing, severity: 'warning' }] }, 'en'));
    expect(en).toContain('Warnings (1)');
    expect(en).toContain('The value "?" in file statistik-forsorjningsstod-2022.csv, row 20, column Mars is not a number.');
    expect(en).toContain('file statistik-forsorjningsstod-2022.csv, row 20, column Mars');
  });
});

describe('ImportIssues for a message that points at an import option', () => {
  it('names the page’s own field, never the CLI flag', () => {
    const noUnit: ImportIssue = {
      ...missing,
      column: 'A',
      found: 'Hushåll',
      expected: 'en enhetskod',
      message:
        'Enhet saknas för raden "Hushåll" i fil x.csv, rad 2, kolumn A: kopplingen anger ingen enhet och importen ingen heller. Välj enheten för importen, eller ange den i radens koppling.',
      option: 'unit',
    };
    const skip: ImportIssue = { ...missing, option: 'skipMissing' };
    const issues = render(ImportIssues, { errors: [noUnit, skip], warnings: [] });
    const text = visibleText(issues);
    expect(text).toContain('Välj enhet i fältet "Enhet" ovan och förhandsgranska igen.');
    expect(text).toContain('Kryssa i "Hoppa över saknade värden" ovan och förhandsgranska igen.');
    expect(text).not.toMatch(/--unit|--skip-missing/);
    expect(issues.findAll('[data-testid="issue-option"]')).toHaveLength(2);
    const en = visibleText(render(ImportIssues, { errors: [noUnit], warnings: [] }, 'en'));
    expect(en).toContain('Choose a unit in the "Unit" field above and preview again.');
  });
});

describe('ImportIssues on a workbook', () => {
  it('names the sheet of a skipped hidden sheet and of an error, and shows a long quote as the importer cut it', () => {
    const hidden: ImportIssue = {
      ...missing,
      severity: 'warning',
      file: 'rapport-2021.xlsx',
      sheet: 'Gammal',
      row: 1,
      column: null,
      found: 'dolt blad',
      expected: 'ett synligt blad',
      message: 'Bladet Gammal är dolt och importeras inte (i fil rapport-2021.xlsx, blad Gammal, rad 1).',
    };
    const merged: ImportIssue = { ...missing, file: 'rapport-2021.xlsx', sheet: 'Rapport', row: 2, column: 'Maj', found: `${'x'.repeat(119)}…` };
    const text = visibleText(render(ImportIssues, { errors: [merged], warnings: [hidden] }));
    expect(text).toContain('fil rapport-2021.xlsx, blad Rapport, rad 2, kolumn Maj');
    expect(text).toContain(
      'Varning: Bladet Gammal är dolt och importeras inte (i fil rapport-2021.xlsx, blad Gammal, rad 1). fil rapport-2021.xlsx, blad Gammal, rad 1. Hittat: "dolt blad"',
    );
    expect(text).toContain(`Hittat: "${'x'.repeat(119)}…"`);
  });
});

describe('ImportIssues on an unknown report row', () => {
  const unknownRow: ImportIssue = {
    ...missing,
    file: 'x-2018.csv',
    row: 14,
    column: 'A',
    found: 'Antal aktualiseringar',
    expected: 'Aktualiseringar',
    message: 'Okänd rad "Antal aktualiseringar" i fil x-2018.csv, rad 14, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Aktualiseringar"?',
    unknownRow: {
      section: '',
      parentLabel: '',
      label: 'Antal aktualiseringar',
      suggestion: { section: '', parentLabel: '', label: 'Aktualiseringar', kpiId: 'aktualiseringar', gender: 'T', ageBand: '', unitCode: null },
    },
  };

  it('offers "Koppla raden…" only where the page can map it, and only for that error', () => {
    const issues = render(ImportIssues, { errors: [missing, unknownRow], warnings: [], canMap: true });
    expect(issues.findAll('[data-testid="issue-map"]')).toHaveLength(1);
    expect(issues.get('[data-testid="issue-map"]').attributes('aria-label')).toBe('Koppla raden "Antal aktualiseringar" (rad 14)');
    // The button closes the error, after where it is and what was found.
    expect(visibleText(issues)).toContain('fil x-2018.csv, rad 14, kolumn A. Hittat: "Antal aktualiseringar"; väntat: Aktualiseringar Koppla raden…');
    const elsewhere = render(ImportIssues, { errors: [unknownRow], warnings: [] });
    expect(elsewhere.find('[data-testid="issue-map"]').exists()).toBe(false);
  });
});
