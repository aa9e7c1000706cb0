import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './support/app.js';
import { shootDesktopAndPhone, useChromium } from './support/fixture.js';
import { seriousViolations, shoot } from './support/views.js';

/** The 2018 monthly report (as copied into the importer's tests) with one row relabelled: "Antal aktualiseringar" is in no demo mapping (see demo-mappings.ts). */
const REPORT_2018 = resolve(import.meta.dirname, '../../../packages/importer/test/good-files/statistik-forsorjningsstod-2018.csv');
const LABEL = 'Antal aktualiseringar';
const FILE_NAME = 'statistik-ny-rad-2018.csv';

interface Mapping {
  id: number;
  section: string;
  parentLabel: string;
  label: string;
  kpiId: string | null;
  gender: string;
  unitCode: string | null;
}

/** True when the page is wider than the window, i.e. a phone would scroll sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('import mappings in Chromium: map an unknown report row from the preview, then edit and delete it in the list', () => {
  let page: Page;
  let file: string;
  let mappingId = 0;

  const text = (testid: string) => page.getByTestId(testid).innerText();
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  const count = async (key: string) => Number((await page.getByTestId(`count-${key}`).locator('.summary__n').innerText()).replace(/\s/g, ''));
  const counts = async () => ({ new: await count('new'), changed: await count('changed'), unchanged: await count('unchanged'), rejected: await count('rejected') });
  async function preview(): Promise<void> {
    await page.getByTestId('import-preview').click();
    await page.locator('[data-testid="import-summary"][data-dry-run="true"]').waitFor();
  }
  /** import.mappings as the page's own session asks it (a query without input, so not through apiQuery). */
  async function mappings(): Promise<Mapping[]> {
    const res = await page.request.get(`${e2e.app.url}/trpc/import.mappings`);
    if (!res.ok()) throw new Error(`import.mappings: HTTP ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { result: { data: Mapping[] } }).result.data;
  }
  const ours = async () => (await mappings()).filter((m) => m.label.startsWith(LABEL));

  const e2e = useChromium(async () => {
    page = await e2e.signedIn();
    const report = readFileSync(REPORT_2018, 'utf8');
    expect(report).toContain('\nAktualiseringar;143;114;');
    file = join(mkdtempSync(join(tmpdir(), 'lagesbild-mappings-')), FILE_NAME);
    writeFileSync(file, report.replace('\nAktualiseringar;', `\n${LABEL};`));
  });

  it('names the unknown row in the preview and suggests the closest known label', async () => {
    expect(await ours()).toEqual([]);
    await page.goto(`${e2e.app.url}/admin/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByLabel('Enhet (för rader').selectOption('EKBIST');
    await preview();
    const errors = page.getByTestId('import-errors').locator('li');
    await expect(errors.count()).resolves.toBe(1);
    await expect(errors.innerText()).resolves.toContain(
      `Okänd rad "${LABEL}" i fil ${FILE_NAME}, rad 14, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Aktualiseringar"?`,
    );
    await expect(errors.locator('.issue__where').innerText()).resolves.toContain(`rad 14, kolumn A. Hittat: "${LABEL}"; väntat: Aktualiseringar`);
    await expect(page.getByTestId('import-commit').count()).resolves.toBe(0);
    // A file with errors gives no diff: the unknown row is the one rejected row.
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 1 });
    await expect(page.locator('tr[data-status="rejected"]').getAttribute('data-line')).resolves.toBe('14');
  });

  it('"Koppla raden…" opens the form prefilled from the row and the suggestion, by keyboard, and saves the mapping', async () => {
    const button = page.getByTestId('issue-map');
    await expect(button.innerText()).resolves.toBe('Koppla raden…');
    await expect(button.getAttribute('aria-label')).resolves.toBe(`Koppla raden "${LABEL}" (rad 14)`);
    await button.focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('import-mapping-form');
    await form.waitFor();
    // Focus lands in the form's first field.
    await expect(focusedId()).resolves.toBe('import-mapping-section');
    await expect(form.locator('h2').innerText()).resolves.toBe(`Koppla raden "${LABEL}"`);
    await expect(form.innerText()).resolves.toContain('Förslaget kommer från den närmaste kända raden, "Aktualiseringar".');
    await expect(page.locator('#import-mapping-section').inputValue()).resolves.toBe('');
    await expect(page.locator('#import-mapping-parent').inputValue()).resolves.toBe('');
    await expect(page.locator('#import-mapping-label').inputValue()).resolves.toBe(LABEL);
    await expect(page.getByLabel('Nyckeltal', { exact: true }).inputValue()).resolves.toBe('aktualiseringar');
    await expect(page.locator('#import-mapping-kpi option:checked').innerText()).resolves.toBe('Inkomna aktualiseringar (aktualiseringar)');
    await expect(page.locator('#import-mapping-gender').inputValue()).resolves.toBe('T');
    await expect(page.locator('#import-mapping-age').inputValue()).resolves.toBe('');
    await expect(page.locator('#import-mapping-unit').inputValue()).resolves.toBe('');
    await expect(page.locator('#import-mapping-unit option:checked').innerText()).resolves.toBe('Enheten som anges vid importen');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.setViewportSize(PHONE);
    await expect(scrollsSideways(page)).resolves.toBe(false);
    await page.setViewportSize(DESKTOP);

    // Enter in a field sends the form, as in any form.
    await page.locator('#import-mapping-section').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text('import-notice')).toBe(`✔ Kopplingen för "${LABEL}" är sparad. Förhandsgranska filen igen.`);
    await expect(form.count()).resolves.toBe(0);
    await expect.poll(focusedTestId).toBe('import-preview');
    const saved = await ours();
    expect(saved).toMatchObject([{ section: '', parentLabel: '', label: LABEL, kpiId: 'aktualiseringar', gender: 'T', unitCode: null }]);
    mappingId = saved[0]?.id ?? 0;
  });

  it('previews the same file again without the error, and imports it', async () => {
    await preview();
    await expect(page.getByTestId('import-errors').count()).resolves.toBe(0);
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 28, rejected: 0 });
    // The relabelled row's own values, now read as the KPI it was mapped to.
    const feb = page.locator('tr[data-line="14"]', { hasText: 'feb 2018' });
    await expect(feb.locator('td[data-field="kpi"]').innerText()).resolves.toBe('Inkomna aktualiseringar');
    await expect(feb.locator('td[data-field="value"]').innerText()).resolves.toBe('114');
    await expect(feb.locator('td[data-field="status"]').innerText()).resolves.toBe('= oförändrad');
    await expect(page.locator('tr[data-line="14"]', { hasText: 'jan 2018' }).locator('td[data-field="value"]').innerText()).resolves.toBe('143');
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => text('import-notice'))
      .toMatch(new RegExp(`^✔ Importen är sparad som import \\d+ \\(${FILE_NAME.replace(/\./g, '\\.')}\\): 0 nya, 0 ändrade och 28 oförändrade värden\\.$`));
  });

  it('lists the mapping on the mappings page, found with the filter, without serious accessibility violations or sideways scrolling', async () => {
    await page.getByTestId('import-mappings-link').click();
    await page.waitForURL(/\/admin\/import\/kopplingar$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Kopplingar');
    const all = (await mappings()).length;
    await expect.poll(() => text('mapping-count')).toBe(`Visar ${all} av ${all} kopplingar.`);
    await expect(page.locator('[data-testid="mapping-table"] tbody tr[data-mapping]').count()).resolves.toBe(all);
    await page.getByLabel('Sök bland kopplingarna').fill('antal AKTUALISERINGAR');
    const row = page.locator(`tr[data-mapping="${mappingId}"]`);
    await expect.poll(() => page.locator('tr[data-mapping]').count()).toBe(1);
    await expect(text('mapping-count')).resolves.toBe(`Visar 1 av ${all} kopplingar.`);
    const cells = () => row.locator('[data-field]').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-field'), (c as HTMLElement).innerText.trim()]));
    await expect(cells()).resolves.toEqual([
      ['section', 'alla avsnitt'],
      ['parent', '–'],
      ['label', LABEL],
      ['kpi', 'Inkomna aktualiseringar'],
      ['gender', 'Totalt'],
      ['age', 'alla'],
      ['unit', 'enheten vid importen'],
    ]);
    // A KPI's name finds its rows too, not only the stored id.
    // The paying households' row, its kvinnor and män, and their varav 18–24 (total, kvinnor, män).
    await page.getByLabel('Sök bland kopplingarna').fill('hushåll med utbetalt');
    await expect.poll(() => page.locator('tr[data-mapping]').count()).toBe(6);
    await page.getByLabel('Sök bland kopplingarna').fill('');
    await expect.poll(() => page.locator('tr[data-mapping]').count()).toBe(all);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shootDesktopAndPhone(page, 'admin-mappings', async () => {
      await expect(scrollsSideways(page)).resolves.toBe(false);
      await expect(seriousViolations(page)).resolves.toEqual([]);
    });
  });

  it('edits the gender: the server’s Swedish refusal shows in an alert, and with a KPI split by gender it is saved on the same mapping', async () => {
    await page.getByLabel('Sök bland kopplingarna').fill(LABEL);
    const row = page.locator(`tr[data-mapping="${mappingId}"]`);
    await row.getByTestId('mapping-edit').click();
    const form = page.getByTestId('mapping-form');
    await expect(form.locator('h2').innerText()).resolves.toBe(`Ändra kopplingen för "${LABEL}"`);
    await expect.poll(focusedId).toBe('mapping-section');
    await expect(page.locator('#mapping-kpi').inputValue()).resolves.toBe('aktualiseringar');
    await expect(form.innerText()).resolves.toContain('Nyckeltalet är inte könsuppdelat: välj Totalt.');
    await page.getByLabel('Kön').selectOption('K');
    await page.getByTestId('mapping-save').click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe('✖ Nyckeltalet "aktualiseringar" är inte könsuppdelat; använd kön T.');
    expect((await ours())[0]?.gender).toBe('T');

    await page.getByLabel('Nyckeltal', { exact: true }).selectOption('hushall-utbetalt');
    // Changing the form clears the old refusal; the hint goes with the KPI that needed it.
    await expect(alert.count()).resolves.toBe(0);
    await expect(form.innerText()).resolves.not.toContain('inte könsuppdelat');
    await page.getByTestId('mapping-save').click();
    await expect.poll(() => text('mappings-notice')).toBe(`✔ Kopplingen för "${LABEL}" är sparad.`);
    await expect(form.count()).resolves.toBe(0);
    await expect(row.locator('[data-field="gender"]').innerText()).resolves.toBe('Kvinnor');
    await expect(row.locator('[data-field="kpi"]').innerText()).resolves.toBe('Hushåll med utbetalt försörjningsstöd');
    await expect.poll(focusedTestId).toBe('mapping-edit');
    expect(await ours()).toMatchObject([{ id: mappingId, kpiId: 'hushall-utbetalt', gender: 'K' }]);
  });

  it('edits the label itself without leaving the old mapping behind, and refuses a second mapping of a known row', async () => {
    const before = (await mappings()).length;
    await page.locator(`tr[data-mapping="${mappingId}"]`).getByTestId('mapping-edit').click();
    await page.getByLabel('Radetikett').fill(`${LABEL} (ny)`);
    await page.getByTestId('mapping-save').click();
    await expect.poll(() => text('mappings-notice')).toBe(`✔ Kopplingen för "${LABEL} (ny)" är sparad.`);
    const after = await ours();
    expect(after).toMatchObject([{ label: `${LABEL} (ny)`, kpiId: 'hushall-utbetalt', gender: 'K' }]);
    expect(await mappings()).toHaveLength(before);
    mappingId = after[0]?.id ?? 0;

    // "aktualiseringar" is the demo's "Aktualiseringar" to the importer: the form says so before sending anything.
    await page.getByTestId('mapping-add').click();
    await expect.poll(focusedId).toBe('mapping-section');
    await page.getByLabel('Radetikett').fill('aktualiseringar');
    await page.getByLabel('Nyckeltal', { exact: true }).selectOption(':skip');
    await page.getByTestId('mapping-save').click();
    await expect(page.getByTestId('mapping-form').getByRole('alert').innerText()).resolves.toBe(
      '✖ Det finns redan en koppling för raden "Aktualiseringar" (alla avsnitt). Ändra den i stället.',
    );
    await expect.poll(focusedId).toBe('mapping-label');
    await page.getByTestId('mapping-cancel').click();
    await expect(page.getByTestId('mapping-form').count()).resolves.toBe(0);
    await expect(focusedTestId()).resolves.toBe('mapping-add');
    expect(await mappings()).toHaveLength(before);
  });

  it('deletes the mapping after the confirm step, and the file’s row is unknown again', async () => {
    const row = page.locator(`tr[data-mapping="${mappingId}"]`);
    await row.getByTestId('mapping-delete').click();
    await expect(row.innerText()).resolves.toContain(`Ta bort kopplingen för "${LABEL} (ny)"? Raden blir okänd`);
    await expect(focusedTestId()).resolves.toBe('mapping-delete-confirm');
    await shoot(page, 'admin-mappings-confirm');
    // Cancelling leaves it alone and gives the focus back to the button.
    await row.getByTestId('mapping-delete-cancel').click();
    await expect(focusedTestId()).resolves.toBe('mapping-delete');
    expect(await ours()).toHaveLength(1);
    await row.getByTestId('mapping-delete').click();
    await row.getByTestId('mapping-delete-confirm').click();
    await expect.poll(() => text('mappings-notice')).toBe(`✔ Kopplingen för "${LABEL} (ny)" är borttagen.`);
    await expect.poll(() => row.count()).toBe(0);
    await expect(page.getByTestId('mapping-table').innerText()).resolves.toContain('Ingen koppling passar sökningen.');
    expect(await ours()).toEqual([]);

    await page.getByTestId('mappings-back').click();
    await page.waitForURL(/\/admin\/import$/);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByLabel('Enhet (för rader').selectOption('EKBIST');
    await preview();
    await expect(page.getByTestId('import-errors').innerText()).resolves.toContain(`Okänd rad "${LABEL}"`);
  });

  it('speaks English when asked', async () => {
    await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'en'));
    try {
      await page.goto(`${e2e.app.url}/admin/import/kopplingar`);
      await expect(page.locator('h1').innerText()).resolves.toBe('Mappings');
      await expect.poll(() => text('mapping-count')).toMatch(/^Showing \d+ of \d+ mappings\.$/);
      await expect(page.getByTestId('mapping-add').innerText()).resolves.toBe('Add a mapping');
    } finally {
      await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'sv'));
    }
  });

  it('keeps a unit manager out of the mappings page and the mappings API', async () => {
    const p = await e2e.expectTurnedAway('/admin/import/kopplingar', 'eva-kopplingar');
    const res = await p.request.get(`${e2e.app.url}/trpc/import.mappings`);
    expect(res.status()).toBe(403);
  });
});
