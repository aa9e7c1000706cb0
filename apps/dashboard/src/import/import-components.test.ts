import { createSSRApp, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../api/import.js';
import { createAppI18n, type AppLocale } from '../i18n/index.js';
import { previewRows } from './import-rows.js';
import { importIssue } from './import-test-data.js';
import ImportDiffTable from './ImportDiffTable.vue';
import ImportIssues from './ImportIssues.vue';

async function render(component: Component, props: Record<string, unknown>, locale: AppLocale = 'sv') {
  const html = await renderToString(createSSRApp(component, props).use(createAppI18n(locale)));
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return { html, text };
}

const missing: ImportIssue = importIssue({});

describe('ImportDiffTable', () => {
  it('marks a rejected cell with a class and a visible marker, not colour alone', async () => {
    const rows = previewRows({ diff: [], errors: [missing], warnings: [] }, new Map(), 'sv');
    const { html, text } = await render(ImportDiffTable, { rows, shown: 0, total: 0 });
    expect(html).toMatch(/<td class="cell--error"[^>]*data-field="value"/);
    expect(text).toContain('20 Mars ✖ Fel: Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal. ? ✖ avvisad');
    expect(html).toContain('data-status="rejected"');
  });

  it('pages a long diff and says when the server capped it', async () => {
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
    const { html, text } = await render(ImportDiffTable, { rows, shown: 120, total: 12_345 });
    expect((html.match(/data-status="new"/g) ?? []).length).toBe(50);
    expect(text).toContain('Rad 1–50 av 120');
    expect(text).toContain('Förhandsgranskningen visar de första 120 av 12 345 värden');
    const en = await render(ImportDiffTable, { rows, shown: 120, total: 120 }, 'en');
    expect(en.text).toContain('Rows 1–50 of 120');
    expect(en.text).not.toContain('first 120');
  });
});

describe('ImportIssues', () => {
  it('names file, row, column and what was found, in Swedish or English', async () => {
    const { text } = await render(ImportIssues, { errors: [missing], warnings: [] });
    expect(text).toContain('Fel (1)');
    expect(text).toContain('fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars. Hittat: "?"; väntat: ett tal');
    const en = await render(ImportIssues, { errors: [], warnings: [{ ...missing, severity: 'warning' }] }, 'en');
    expect(en.text).toContain('Warnings (1)');
    expect(en.text).toContain('The value "?" in file statistik-forsorjningsstod-2022.csv, row 20, column Mars is not a number.');
    expect(en.text).toContain('file statistik-forsorjningsstod-2022.csv, row 20, column Mars');
  });
});

describe('ImportIssues for a message that points at an import option', () => {
  it('names the page’s own field, never the CLI flag', async () => {
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
    const { html, text } = await render(ImportIssues, { errors: [noUnit, skip], warnings: [] });
    expect(text).toContain('Välj enhet i fältet "Enhet" ovan och förhandsgranska igen.');
    expect(text).toContain('Kryssa i "Hoppa över saknade värden" ovan och förhandsgranska igen.');
    expect(text).not.toMatch(/--unit|--skip-missing/);
    expect((html.match(/data-testid="issue-option"/g) ?? []).length).toBe(2);
    const en = await render(ImportIssues, { errors: [noUnit], warnings: [] }, 'en');
    expect(en.text).toContain('Choose a unit in the "Unit" field above and preview again.');
  });
});

describe('ImportIssues on a workbook', () => {
  it('names the sheet of a skipped hidden sheet and of an error, and shows a long quote as the importer cut it', async () => {
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
    const { text } = await render(ImportIssues, { errors: [merged], warnings: [hidden] });
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

  it('offers "Koppla raden…" only where the page can map it, and only for that error', async () => {
    const { html, text } = await render(ImportIssues, { errors: [missing, unknownRow], warnings: [], canMap: true });
    expect((html.match(/data-testid="issue-map"/g) ?? []).length).toBe(1);
    expect(html).toContain('aria-label="Koppla raden &quot;Antal aktualiseringar&quot; (rad 14)"');
    // The button closes the error, after where it is and what was found.
    expect(text).toContain('fil x-2018.csv, rad 14, kolumn A. Hittat: "Antal aktualiseringar"; väntat: Aktualiseringar Koppla raden…');
    const elsewhere = await render(ImportIssues, { errors: [unknownRow], warnings: [] });
    expect(elsewhere.html).not.toContain('issue-map');
  });
});
