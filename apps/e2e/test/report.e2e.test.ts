import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, PHONE } from './support/app.js';
import { parseCsv } from './support/csv.js';
import { shootDesktopAndPhone, useChromium } from './support/fixture.js';
import { seriousViolations, shoot, tableCells, WIDE } from './support/views.js';

/** The målbedömning of Delårsrapport 2020 (004) as the demo seeds it: one row per goal, the printed symbols. */
const CSV = resolve(import.meta.dirname, '../../../packages/db/src/seed/reference/goal_assessments.csv');

/** The reference CSV's rows as records by its header. */
function csvRecords(text: string): Record<string, string>[] {
  const [head = [], ...body] = parseCsv(text, ',');
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** A blank symbol in the report means not assessed (○), as the seed reads it. */
const symbol = (s: string) => (s.trim() === '' ? '○' : s.trim());

const KPI = 'utbetalt-forsorjningsstod';
const value = (page: Page) => page.locator(`[data-kpi="${KPI}"] [data-testid="report-kpi-value"]`).first().innerText();

describe('the report view in Chromium', () => {
  const e2e = useChromium();

  it('shows the demo delårsrapport 2020 with the printed målbedömning and Riket; prints, makes a PDF, fastställs and keeps the fastställd figures after an import', async () => {
    const token = await e2e.app.signInAs('e2e-report', [{ role: 'forvaltningschef' }]);
    const page = await e2e.open('/rapport?enhet=SOC&period=2020-D', { token, viewport: WIDE, downloads: true });
    await page.getByTestId('report-goal').first().waitFor();
    await expect(page.getByTestId('report-title').innerText()).resolves.toBe('Delårsrapport 2020 – Socialförvaltningen');
    await expect(page.getByTestId('nav-report').getAttribute('href')).resolves.toBe('/rapport');
    await expect(page.getByTestId('goal-period-D').getAttribute('aria-pressed')).resolves.toBe('true');

    // Every goal's status and prognos symbols as 004 prints them.
    const reported = csvRecords(readFileSync(CSV, 'utf8'));
    expect(reported).toHaveLength(25);
    const rows = await page
      .getByTestId('report-goal')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [tr.querySelector('th')?.textContent ?? '', ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')].map((s) => s.replace(/\s+/g, ' ').trim()),
        ),
      );
    expect(rows).toHaveLength(reported.length);
    for (const r of reported) {
      const title = r['goal_sv'] ?? '';
      const row = rows.find(([t]) => t === title) ?? rows.find(([t]) => t?.startsWith(title));
      expect(row, title).toBeDefined();
      expect([row?.[1]?.charAt(0), row?.[2]?.charAt(0)], title).toEqual([symbol(r['status_symbol'] ?? ''), symbol(r['forecast_symbol'] ?? '')]);
    }
    // The tally under the sammantagen bedömning counts the same goals.
    const met = reported.filter((r) => symbol(r['status_symbol'] ?? '') === '●').length;
    await expect(page.getByTestId('report-tally').innerText()).resolves.toContain(`${met} mål uppfyllda`);

    // The annex: Riket beside Katrineholm's figure, with its source.
    const riket = await page.getByTestId('report-annex-riket').allInnerTexts();
    expect(riket.filter((v) => /\d/.test(v)).length).toBeGreaterThan(0);
    await expect(page.getByTestId('report-annex-source').innerText()).resolves.toMatch(/^Källa: .*Kolada/);

    expect(await seriousViolations(page)).toEqual([]);
    await shootDesktopAndPhone(page, 'report', async () => {
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    });
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(page.evaluate(() => document.querySelector('header')?.scrollWidth ?? 0)).resolves.toBeLessThanOrEqual(375);
    await page.setViewportSize(WIDE);

    // Print: the report alone, black on white, no header, pickers or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('report-pdf').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('unit-picker').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('report-goals').isVisible()).resolves.toBe(true);
    await expect(page.locator('main.report').evaluate((m) => getComputedStyle(m).color)).resolves.toBe('rgb(0, 0, 0)');
    await shoot(page, 'report-print');
    // Chromium's own print to PDF follows the stylesheet's @page: A4.
    const printed = join(ARTIFACTS, 'report-print.pdf');
    await page.pdf({ path: printed, preferCSSPageSize: true });
    expect(execFileSync('pdfinfo', [printed]).toString('utf8')).toMatch(/^Page size:.*\(A4\)$/m);
    await page.emulateMedia({ media: 'screen' });

    // The sammantagen bedömning is written here and kept when the report is fastställd.
    const summary = 'Verksamheten har i huvudsak bedrivits enligt plan; placeringarna kostar mer än budgeterat.';
    await page.getByTestId('report-summary-text').fill(summary);
    await page.getByTestId('report-summary-save').click();
    await expect.poll(() => page.getByTestId('report-summary-notice').innerText()).toBe('Texten är sparad.');

    // Fastställ, after the second step.
    const before = await value(page);
    await page.getByTestId('report-faststall').click();
    await expect(page.getByRole('group', { name: 'Fastställ rapporten' }).innerText()).resolves.toContain(
      'Fastställ delårsrapport 2020? Senare importer ändrar inte en fastställd version.',
    );
    await page.getByTestId('report-faststall-confirm').click();
    await page.getByTestId('report-banner').waitFor();
    await expect(page.getByTestId('report-banner').innerText()).resolves.toContain('Fastställd version 1');
    expect(new URL(page.url()).searchParams.get('version')).toBe('1');
    await expect(page.getByTestId('report-faststall').count()).resolves.toBe(0);
    await expect(page.getByTestId('report-no-changes').innerText()).resolves.toBe('Inga skillnader mot aktuella data.');
    await expect(page.getByTestId('report-summary').innerText()).resolves.toBe(summary);
    await expect(page.getByTestId('report-summary-text').count()).resolves.toBe(0);

    // A second page on the live report reloads by itself when the import lands.
    const live = await e2e.open('/rapport?enhet=SOC&period=2020-D', { token, viewport: WIDE });
    await live.getByTestId('report-goal').first().waitFor();
    await expect(value(live)).resolves.toBe(before);
    await e2e.app.importCsv('report-e2e.csv', `kpi,unit,period,gender,value\n${KPI},EKBIST,2020-05,T,9999999\n`);
    await expect.poll(() => value(live), { timeout: 10_000 }).not.toBe(before);
    const now = await value(live);

    // The fastställd version still prints the old figure, and says what differs today.
    await page.reload();
    await page.getByTestId('report-banner').waitFor();
    await expect(value(page)).resolves.toBe(before);
    const changes = await tableCells(page, 'report-changes');
    // Section, row, column, fastställt, nu.
    const row = changes.find((c) => c[2] === 'Utfall' && c[3] === before);
    expect(row, JSON.stringify(changes)).toBeDefined();
    expect(row?.[4]).toBe(now);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'report-faststalld', { fullPage: false });

    // Back on today's data through the version select.
    await page.getByTestId('report-version').selectOption('');
    await expect.poll(() => page.getByTestId('report-banner').count()).toBe(0);
    await expect(value(page)).resolves.toBe(now);
    await expect(page.getByTestId('report-version').locator('option').allInnerTexts()).resolves.toEqual([
      'Aktuella data',
      expect.stringMatching(/^Version 1, fastställd \d{4}-\d{2}-\d{2} av e2e-report$/),
    ]);
    await page.getByTestId('report-version').selectOption('1');
    await page.getByTestId('report-banner').waitFor();

    // The server's PDF of the fastställd version through the button: at least two A4 pages, with the målbedömning in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const dir = join(ARTIFACTS, 'report-pdf');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, download.suggestedFilename());
    await download.saveAs(pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8');
    expect(text).toContain('Målbedömning');
    // The version on screen is the one in the file, with its stamp.
    expect(download.suggestedFilename()).toBe('delarsrapport-2020-SOC-v1.pdf');
    expect(text.replace(/\s+/g, ' ')).toContain('av e2e-report (version 1)');
  });
});
