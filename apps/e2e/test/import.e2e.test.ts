import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shootDesktopAndPhone, useChromium } from './support/fixture.js';
import { apiQuery, seriousViolations } from './support/views.js';

/** The administration's own monthly reports, as copied into the importer's test fixtures; both need the unit EKBIST (see demo-mappings.ts). */
const SAMPLES = resolve(import.meta.dirname, '../../../packages/importer/test/good-files');
const REPORT_2018 = join(SAMPLES, 'statistik-forsorjningsstod-2018.csv');
const REPORT_2022 = join(SAMPLES, 'statistik-forsorjningsstod-2022.csv');

describe('the import page in Chromium: preview, import, errors, warnings, roll back', () => {
  let page: Page;
  const batchIds: number[] = [];

  const text = (testid: string) => page.getByTestId(testid).innerText();
  const count = async (key: string) => Number((await page.getByTestId(`count-${key}`).locator('.summary__n').innerText()).replace(/\s/g, ''));
  const counts = async () => ({ new: await count('new'), changed: await count('changed'), unchanged: await count('unchanged'), rejected: await count('rejected') });
  async function preview(): Promise<void> {
    await page.getByTestId('import-preview').click();
    await page.locator('[data-testid="import-summary"][data-dry-run="true"]').waitFor();
  }
  /** The batch number the success notice names. */
  async function committedBatch(file: string): Promise<number> {
    const notice = page.getByTestId('import-notice');
    await expect.poll(() => notice.innerText()).toMatch(new RegExp(`^✔ Importen är sparad som import \\d+ \\(${file.replace(/\./g, '\\.')}\\)`));
    const id = Number(/import (\d+)/.exec(await notice.innerText())?.[1]);
    expect(Number.isInteger(id)).toBe(true);
    await page.locator(`[data-testid="import-batches"] tr[data-batch="${id}"]`).waitFor();
    batchIds.push(id);
    return id;
  }
  /** EKBIST's stored aktualiseringar in one month, as the API gives it (null when none). */
  const aktualiseringar = async (month: string) => {
    const r = await apiQuery<{ series: { points: { value: number | null }[] }[] }>(page, e2e.app, 'series.get', {
      kpi: 'aktualiseringar',
      unit: 'EKBIST',
      start: month,
      end: month,
    });
    return r.series[0]?.points[0]?.value ?? null;
  };
  const aktualiseringarFeb2018 = () => aktualiseringar('2018-02');

  const e2e = useChromium(async () => {
    page = await e2e.signedIn();
  });

  it('is reached from the admin menu and has no serious accessibility violations before a file is chosen', async () => {
    await page.goto(`${e2e.app.url}/`);
    await page.getByTestId('menu-import').click();
    await page.waitForURL(/\/admin\/import$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Importera statistik');
    // The demo data arrives as batches too, so the list is never empty here.
    await page.locator('[data-testid="import-batches"] tr[data-batch]').first().waitFor();
    await expect(page.getByTestId('import-preview').isDisabled()).resolves.toBe(true);
    // The file input is a real, focusable control, not only the drop zone.
    await page.getByLabel('Välj fil').focus();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-file');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('the unit is a list of the organisation’s units that hold values, not free text', async () => {
    const field = page.getByLabel('Enhet (för rader');
    await expect(field.evaluate((e) => e.tagName)).resolves.toBe('SELECT');
    const codes = await field.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // "None" first (the mapping names the unit), then the leaves of today's tree; no förvaltning or avdelning.
    expect(codes[0]).toBe('');
    expect(codes).toContain('EKBIST');
    expect(codes).not.toContain('SOC');
    expect(codes).not.toContain('VUX');
    await expect(field.locator('option[value="EKBIST"]').innerText()).resolves.toBe('Ekonomiskt bistånd (EKBIST)');
  });

  it('previews the 2018 report (chosen with the file input), shows the diff and the counts, and imports it', async () => {
    await page.getByTestId('import-file').setInputFiles(REPORT_2018);
    await expect(text('import-chosen')).resolves.toMatch(/^Vald fil: statistik-forsorjningsstod-2018\.csv \(\d+(,\d)? k?B\)$/);
    await page.getByLabel('Enhet (för rader').selectOption('EKBIST');
    await preview();
    // Focus moves to the result, so a keyboard user does not have to look for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-summary-title');
    // 34 cells: 28 stored (the paying totals and the average are checked), all equal to the demo data's reported months.
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 28, rejected: 0 });
    const rows = page.locator('[data-testid="import-diff-table"] tbody tr[data-status]');
    await expect(rows.count()).resolves.toBe(28);
    await expect(page.locator('[data-testid="import-diff-table"] tbody tr[data-status="unchanged"]').count()).resolves.toBe(28);
    const feb = page.locator('tr[data-line="14"]', { hasText: 'feb 2018' });
    await expect(feb.locator('td[data-field="kpi"]').innerText()).resolves.toBe('Inkomna aktualiseringar');
    await expect(feb.locator('td[data-field="unit"]').innerText()).resolves.toBe('EKBIST');
    await expect(feb.locator('td[data-field="value"]').innerText()).resolves.toBe('114');
    await expect(feb.locator('td[data-field="status"]').innerText()).resolves.toBe('= oförändrad');
    await expect(page.getByTestId('import-errors').count()).resolves.toBe(0);

    await page.getByTestId('import-commit').click();
    const id = await committedBatch('statistik-forsorjningsstod-2018.csv');
    await expect(text('import-notice')).resolves.toBe(`✔ Importen är sparad som import ${id} (statistik-forsorjningsstod-2018.csv): 0 nya, 0 ändrade och 28 oförändrade värden.`);
    const batch = page.locator(`tr[data-batch="${id}"]`);
    await expect(batch.innerText()).resolves.toContain('statistik-forsorjningsstod-2018.csv');
    await expect(batch.innerText()).resolves.toContain('e2e-admin');
    await expect(batch.innerText()).resolves.toContain('månadsrapport (CSV)');
    await expect(batch.locator('td').nth(4).innerText()).resolves.toBe('0 / 0 / 28');
    await expect(batch.getByTestId('batch-status').innerText()).resolves.toBe('✔ Sparad');
  });

  it('refuses the 2022 report (dropped on the drop zone) for its "?", naming row and column, and marks the cell', async () => {
    const bytes = readFileSync(REPORT_2022).toString('base64');
    // A real drop event with a DataTransfer, as the browser sends it when a file is dragged in.
    await page.getByTestId('import-drop').evaluate(
      (zone, file) => {
        const data = Uint8Array.from(atob(file.bytes), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], file.name, { type: 'text/csv' }));
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { bytes, name: 'statistik-forsorjningsstod-2022.csv' },
    );
    await expect(text('import-chosen')).resolves.toContain('statistik-forsorjningsstod-2022.csv');
    // The preview of the earlier file is gone: it was of another file.
    await expect(page.getByTestId('import-result').count()).resolves.toBe(0);
    await preview();

    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 1 });
    const error = page.getByTestId('import-errors').locator('li');
    await expect(error.count()).resolves.toBe(1);
    await expect(error.innerText()).resolves.toContain('Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal');
    await expect(error.locator('.issue__where').innerText()).resolves.toContain('fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars. Hittat: "?"');
    const rejected = page.locator('tr[data-status="rejected"]');
    await expect(rejected.count()).resolves.toBe(1);
    await expect(rejected.getAttribute('data-line')).resolves.toBe('20');
    // The cell itself carries the class and a visible marker, not only a colour.
    const cell = rejected.locator('td[data-field="value"]');
    await expect(cell.getAttribute('class')).resolves.toContain('cell--error');
    await expect(cell.getByTestId('cell-mark').innerText()).resolves.toMatch(/^✖\s*Fel:/);
    await expect(cell.locator('.diff__value').innerText()).resolves.toBe('?');
    await expect(rejected.locator('td[data-field="month"]').innerText()).resolves.toBe('Mars');
    await expect(rejected.locator('td[data-field="status"]').innerText()).resolves.toBe('✖ avvisad');
    // A file with errors cannot be imported at all.
    await expect(page.getByTestId('import-commit').count()).resolves.toBe(0);
    await expect(text('import-blocked')).resolves.toContain('Rätta felen i filen');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shootDesktopAndPhone(page, 'admin-import-error', async () => {
      await expect(seriousViolations(page)).resolves.toEqual([]);
    });
  });

  it('with "hoppa över saknade värden (?)" the "?" is a warning that must be confirmed before the import', async () => {
    await page.getByLabel('Hoppa över saknade värden').check();
    // Changed options make the old preview stale.
    await expect(page.getByTestId('import-result').count()).resolves.toBe(0);
    await preview();
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 155, rejected: 0 });
    const warnings = page.getByTestId('import-warnings').locator('li');
    await expect(warnings.count()).resolves.toBe(3);
    await expect(warnings.first().innerText()).resolves.toContain('rad 20, kolumn Mars betyder att uppgift saknas');
    await expect(page.locator('li.issue--warning').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-row'), l.getAttribute('data-column')]))).resolves.toEqual([
      ['20', 'Mars'],
      ['39', 'Februari'],
      ['42', 'Januari'],
    ]);
    const commit = page.getByTestId('import-commit');
    await expect(commit.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Jag har läst varningarna').check();
    await expect(commit.isEnabled()).resolves.toBe(true);
    await commit.click();
    await committedBatch('statistik-forsorjningsstod-2022.csv');
  });

  it('says a file already imported changes nothing', async () => {
    await page.getByTestId('import-file').setInputFiles(REPORT_2022);
    await preview();
    await expect(text('import-already')).resolves.toBe('Filen är redan importerad; inget ändras.');
    await expect(page.getByTestId('import-commit').count()).resolves.toBe(0);
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 155, rejected: 0 });
  });

  it('imports a corrected figure (year given in the form) as old → new after confirming, and rolls it back to the old value', async () => {
    await expect(aktualiseringarFeb2018()).resolves.toBe(114);
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
    // No year in the name: the year field says which year "Januari" and "Februari" are.
    const corrected = join(dir, 'forsorjningsstod-rattad.csv');
    writeFileSync(corrected, readFileSync(REPORT_2018, 'utf8').replace('Aktualiseringar;143;114', 'Aktualiseringar;143;115'));
    await page.getByTestId('import-file').setInputFiles(corrected);
    await page.getByLabel('Hoppa över saknade värden').uncheck();
    await page.getByLabel('År (för rapporter').fill('2018');
    await preview();
    await expect(counts()).resolves.toEqual({ new: 0, changed: 1, unchanged: 27, rejected: 0 });
    // The changed cell comes first, with the warning (a newer report holds the stored value) on its value.
    const first = page.locator('[data-testid="import-diff-table"] tbody tr').first();
    await expect(first.getAttribute('data-status')).resolves.toBe('changed');
    const value = first.locator('td[data-field="value"]');
    await expect(value.locator('.diff__value').innerText()).resolves.toBe('114 → 115');
    await expect(value.getAttribute('class')).resolves.toContain('cell--warning');
    // Two warnings on it: a newer report holds the stored value, and a stored value changes.
    await expect(value.getByTestId('cell-mark').first().innerText()).resolves.toMatch(/^⚠\s*Varning:/);
    await expect(page.getByTestId('import-warnings').innerText()).resolves.toContain('ändras från 114 till 115');
    // Every changed stored value is a warning of its own kind too, worded for this page's confirm box.
    await expect(page.getByTestId('import-warnings').innerText()).resolves.toContain('1 sparat värde för KPI "aktualiseringar", enhet "EKBIST" ändras av filen');
    await expect(page.getByTestId('import-warnings').innerText()).resolves.toContain('Bekräfta med rutan "Jag har läst varningarna" nedan innan du importerar.');
    await expect(page.getByTestId('import-warnings').innerText()).resolves.not.toContain('--yes');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shootDesktopAndPhone(page, 'admin-import-preview');

    await page.getByLabel('Jag har läst varningarna').check();
    await page.getByTestId('import-commit').click();
    const id = await committedBatch('forsorjningsstod-rattad.csv');
    await expect(text('import-notice')).resolves.toContain('0 nya, 1 ändrade och 27 oförändrade värden');
    await expect.poll(aktualiseringarFeb2018).toBe(115);

    const row = page.locator(`tr[data-batch="${id}"]`);
    await row.getByTestId('rollback').click();
    // The confirm step: nothing happens until it is answered, and cancelling leaves the batch alone.
    await expect(row.innerText()).resolves.toContain(`Återställa import ${id} (forsorjningsstod-rattad.csv)?`);
    await row.getByTestId('rollback-cancel').click();
    await expect(row.getAttribute('data-status')).resolves.toBe('committed');
    await row.getByTestId('rollback').click();
    // The confirm step says what the rollback changes before it offers the yes.
    await expect.poll(() => row.getByTestId('rollback-plan').count()).toBe(1);
    await expect(row.getByTestId('rollback-plan').innerText()).resolves.toBe('1 värden i 1 nyckeltal, 2018-02 ändras: 1 får tillbaka sitt tidigare värde och 0 tas bort.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rollback-confirm');
    await row.getByTestId('rollback-confirm').click();
    await expect.poll(() => text('import-notice')).toBe(`✔ Import ${id} är återställd: 1 värden återställda och 0 borttagna.`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('rolled_back');
    await expect(row.getByTestId('batch-status').innerText()).resolves.toBe('↺ Återställd');
    await expect(row.getByTestId('rollback').count()).resolves.toBe(0);
    await expect.poll(aktualiseringarFeb2018).toBe(114);
    await shootDesktopAndPhone(page, 'admin-import-batches', async () => {
      await expect(seriousViolations(page)).resolves.toEqual([]);
    });
  });

  it('a changed value in a month imported earlier needs the confirm step, and so does its rollback', async () => {
    const latest = () => aktualiseringar('2022-12');
    const stored = await latest();
    expect(stored).toEqual(expect.any(Number));
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-import-')), 'december-rattad.csv');
    writeFileSync(file, `kpi,unit,period,gender,value\naktualiseringar,EKBIST,2022-12,T,${(stored ?? 0) + 7}\n`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByLabel('År (för rapporter').fill('');
    await preview();
    await expect(counts()).resolves.toEqual({ new: 0, changed: 1, unchanged: 0, rejected: 0 });
    // No newer report, no tenfold jump: only the change itself, which is never silent.
    const warnings = page.getByTestId('import-warnings').locator('li');
    await expect(warnings.count()).resolves.toBe(1);
    await expect(warnings.innerText()).resolves.toContain(
      `1 sparat värde för KPI "aktualiseringar", enhet "EKBIST" ändras av filen (första i fil december-rattad.csv, rad 2, kolumn value): 2022-12 kön T: ${stored} → ${(stored ?? 0) + 7} (rad 2).`,
    );
    await expect(warnings.getByTestId('issue-option').innerText()).resolves.toBe('Bekräfta med rutan "Jag har läst varningarna" nedan innan du importerar.');
    const commit = page.getByTestId('import-commit');
    await expect(commit.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Jag har läst varningarna').check();
    await commit.click();
    const id = await committedBatch('december-rattad.csv');
    await expect.poll(latest).toBe((stored ?? 0) + 7);

    const row = page.locator(`tr[data-batch="${id}"]`);
    await row.getByTestId('rollback').click();
    await expect.poll(() => row.getByTestId('rollback-plan').count()).toBe(1);
    await expect(row.getByTestId('rollback-plan').innerText()).resolves.toBe('1 värden i 1 nyckeltal, 2022-12 ändras: 1 får tillbaka sitt tidigare värde och 0 tas bort.');
    await expect(row.getAttribute('data-status')).resolves.toBe('committed');
    await row.getByTestId('rollback-confirm').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('rolled_back');
    await expect.poll(latest).toBe(stored);
  });

  it('the demo seed’s rollback says how many values, KPIs and months it would change, and cancelling changes nothing', async () => {
    const seed = page.locator('[data-testid="import-batches"] tr[data-batch][data-status="committed"]').last();
    await seed.getByTestId('rollback').click();
    await expect.poll(() => seed.getByTestId('rollback-plan').count()).toBe(1);
    await expect(seed.getByTestId('rollback-plan').innerText()).resolves.toMatch(/^[\d\s\u00a0]+ värden i \d+ nyckeltal, (\d+ månader )?\d{4}-\d{2}(–\d{4}-\d{2})? ändras: /);
    await seed.getByTestId('rollback-cancel').click();
    await expect(seed.getByTestId('rollback-plan').count()).resolves.toBe(0);
    await expect(seed.getAttribute('data-status')).resolves.toBe('committed');
  });

  it('shows another admin’s import in the list without a reload, live', async () => {
    const other = await page.context().newPage();
    try {
      await other.goto(`${e2e.app.url}/admin/import`);
      const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-import-')), 'forsorjningsstod-rattad-igen.csv');
      writeFileSync(file, readFileSync(REPORT_2018, 'utf8').replace('Aktualiseringar;143;114', 'Aktualiseringar;143;116'));
      await other.getByTestId('import-file').setInputFiles(file);
      await other.getByLabel('År (för rapporter').fill('2018');
      await other.getByLabel('Enhet (för rader').selectOption('EKBIST');
      await other.getByTestId('import-preview').click();
      await other.getByLabel('Jag har läst varningarna').check();
      await other.getByTestId('import-commit').click();
      const notice = other.getByTestId('import-notice');
      await expect.poll(() => notice.innerText()).toMatch(/sparad som import \d+/);
      const id = Number(/import (\d+)/.exec(await notice.innerText())?.[1]);
      // The first page did nothing: only the live event can have brought the new batch.
      const row = page.locator(`tr[data-batch="${id}"]`);
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      await expect(row.innerText()).resolves.toContain('forsorjningsstod-rattad-igen.csv');
      await expect.poll(aktualiseringarFeb2018).toBe(116);
      await row.getByTestId('rollback').click();
      await row.getByTestId('rollback-confirm').click();
      await expect.poll(() => row.getAttribute('data-status')).toBe('rolled_back');
      await expect.poll(aktualiseringarFeb2018).toBe(114);
      // And the other page hears of the rollback the same way.
      await expect.poll(() => other.locator(`tr[data-batch="${id}"]`).getAttribute('data-status'), { timeout: 15_000 }).toBe('rolled_back');
    } finally {
      await other.close();
    }
  });

  it('pages a preview larger than the server’s 5 000-row cap and says so (long CSV, measured)', async () => {
    // 16 series × 7 leaf units × the 48 months 2023–2026 after the demo data (none in the future): 5 376 new cells, more than the preview shows.
    const series = [
      ...['aktualiseringar', 'startade-utredningar', 'avslutade-utredningar', 'hushall-totalt', 'barn-i-hushall', 'utbetalt-forsorjningsstod'].map((k) => [k, 'T']),
      ...['familjehem-ekb', 'hvb-ekb', 'familjehem-bu', 'institution-bu', 'institution-vuxna', 'varnas'].map((k) => [`varddygn-${k}`, 'T']),
      ['hushall-utbetalt', 'K'],
      ['hushall-utbetalt', 'M'],
      ['placerade-hvb-sol', 'K'],
      ['placerade-hvb-sol', 'M'],
    ];
    const units = ['LEDN', 'EKBIST', 'VUXEN', 'BU', 'BF', 'OPPNA', 'HVB'];
    const lines = ['kpi,unit,period,gender,value'];
    for (let m = 0; m < 48; m++) {
      const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      for (const [k, g] of series) for (const u of units) lines.push(`${k},${u},${month},${g},${10 + m}`);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-import-')), 'lang-5376.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByLabel('År (för rapporter').fill('');
    await page.getByLabel('Enhet (för rader').selectOption('');
    const started = Date.now();
    await preview();
    await page.locator('[data-testid="import-diff-table"] tbody tr[data-status="new"]').first().waitFor();
    const ms = Date.now() - started;
    console.log(`import.preview of ${lines.length - 1} long-CSV rows (${Math.round((lines.join('\n').length / 1024) * 10) / 10} kB), answer and first page drawn: ${ms} ms`);
    await expect(counts()).resolves.toEqual({ new: 5376, changed: 0, unchanged: 0, rejected: 0 });
    await expect(text('import-diff-capped')).resolves.toBe('Förhandsgranskningen visar de första 5 000 av 5 376 värden; sammanställningen ovan räknar alla.');
    const body = page.locator('[data-testid="import-diff-table"] tbody tr[data-status]');
    await expect(body.count()).resolves.toBe(50);
    await expect(page.locator('.diff__pager').innerText()).resolves.toContain('Rad 1–50 av 5 000');
    const firstOnPage1 = await body.first().getAttribute('data-line');
    await page.getByTestId('import-diff-next').click();
    await expect.poll(() => page.locator('.diff__pager').innerText()).toContain('Rad 51–100 av 5 000');
    // Rows with warnings (values far from the units' 2022 figures) come first, so the lines are not simply 52…101.
    await expect(body.first().getAttribute('data-line')).resolves.not.toBe(firstOnPage1);
    // Nothing is rejected, so that filter shows the empty row, and "alla rader" brings the pages back.
    await page.getByTestId('import-diff-filter').selectOption('rejected');
    await expect.poll(() => body.count()).toBe(0);
    await expect(page.getByTestId('import-diff-table').innerText()).resolves.toContain('Inga värden att visa.');
    await page.getByTestId('import-diff-filter').selectOption('all');
    await expect.poll(() => body.count()).toBe(50);
    expect(ms).toBeLessThan(30_000);
  });

  it('reads an XLSX file sent from the browser, and names the sheet of an error', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Jan');
    sheet.addRows([
      ['kpi', 'unit', 'period', 'gender', 'value'],
      ['aktualiseringar', 'EKBIST', '2024-01', 'T', 5],
      ['aktualiseringar', 'EKBIST', '2024-02', 'T', 'fem'],
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('import-file').setInputFiles({ name: 'lang.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await preview();
    await expect(counts()).resolves.toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 1 });
    const error = page.getByTestId('import-errors').locator('li');
    await expect(error.locator('.issue__where').innerText()).resolves.toContain('fil lang.xlsx, blad Jan, rad 3, kolumn value');
    const rejected = page.locator('tr[data-status="rejected"]');
    await expect(rejected.locator('td[data-field="row"]').innerText()).resolves.toBe('Jan: 3');
    await expect(rejected.locator('td[data-field="value"]').getAttribute('class')).resolves.toContain('cell--error');
    await expect(rejected.locator('td[data-field="value"] .diff__value').innerText()).resolves.toBe('fem');
    await expect(text('import-server-notice')).resolves.toBe('Importen av lang.xlsx avbröts: 1 fel. Inget har sparats.');
  });

  it('shows the server’s Swedish message in an alert, for an empty file', async () => {
    await page.getByTestId('import-file').setInputFiles({ name: 'tom.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await page.getByTestId('import-preview').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toBe('✖ Filen tom.csv är tom.');
    await expect(page.getByTestId('import-result').count()).resolves.toBe(0);
  });

  it('speaks English when asked', async () => {
    await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'en'));
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('Import statistics');
    await expect(page.getByTestId('import-preview').innerText()).resolves.toBe('Preview');
    await expect(
      page
        .locator(`tr[data-batch="${batchIds[batchIds.length - 1] ?? 0}"]`)
        .getByTestId('batch-status')
        .innerText(),
    ).resolves.toBe('↺ Rolled back');
    await page.evaluate(() => localStorage.setItem('lagesbild.locale', 'sv'));
  });

  it('keeps a unit manager out of the page and the import API', async () => {
    const p = await e2e.expectTurnedAway('/admin/import', 'eva-import');
    await expect(p.getByTestId('menu-import').count()).resolves.toBe(0);
    const res = await p.request.get(`${e2e.app.url}/trpc/import.batches`);
    expect(res.status()).toBe(403);
  });
});
