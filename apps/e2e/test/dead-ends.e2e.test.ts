import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP } from './support/app.js';
import { useChromium } from './support/fixture.js';
import { seriousViolations, shoot } from './support/views.js';

const FULL_HD = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

/** Every link and control leads somewhere: no empty page behind a leaf unit's split, no loop on a closed unit, a header that leaves the phone its screen, a log in words, and pages that print. */
describe('no dead ends in Chromium', () => {
  const e2e = useChromium();

  const offersUnitSplit = async (page: Page) => (await page.getByTestId('split-unit').count()) > 0;

  it('a unit without child units offers no "Dela upp: Enhet" or "Se per enhet", and says why', async () => {
    // The förvaltning has units: both are there (so the check below can fail).
    const soc = await e2e.open('/kpi/utbetalt-forsorjningsstod?enhet=SOC&period=2022-T1', { viewport: FULL_HD });
    await soc.getByTestId('to-drilldown').waitFor();
    expect(await offersUnitSplit(soc)).toBe(true);

    for (const viewport of [FULL_HD, DESKTOP, PHONE]) {
      const page = await e2e.open('/kpi/utbetalt-forsorjningsstod?enhet=EKBIST&period=2022-T1&split=unit', { viewport });
      await page.getByTestId('no-children').waitFor();
      expect(await page.getByTestId('no-children').innerText()).toMatch(/inga underenheter/);
      expect(await page.getByTestId('to-drilldown').count()).toBe(0);
      await page.getByTestId('split-none').waitFor();
      expect(await offersUnitSplit(page)).toBe(false);
      // A link that asked for the split shows the unit whole instead.
      await expect.poll(() => new URL(page.url()).searchParams.get('split')).toBeNull();
      await page.getByTestId('detail-table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await shoot(page, 'dead-ends-leaf-unit');
    }
  });

  it("a closed unit opens on its own last month, and its 'latest month' leads to its data", async () => {
    // The myndighetsavdelning ended in May 2019.
    const page = await e2e.openOverview('/?enhet=MYN', FULL_HD);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2019-04');
    expect(await page.getByTestId('overview-meta').innerText()).toMatch(/apr 2019/);
    await page.goto(`${e2e.app.url}/?enhet=MYN&period=2020-01`);
    await page.getByTestId('overview-meta').waitFor();
    expect(await page.getByTestId('overview-meta').innerText()).toMatch(/apr 2019/);
    expect(await page.getByTestId('overview-meta').innerText()).not.toMatch(/dec 2022/);
    await shoot(page, 'dead-ends-closed-unit');
  });

  it('the phone header is one line, its links one tap away behind Meny', async () => {
    const page = await e2e.openOverview('/?enhet=SOC', PHONE);
    const header = page.locator('header.header');
    const height = async () => (await header.boundingBox())?.height ?? 0;
    expect(await height()).toBeLessThan(PHONE.height / 8);
    expect(await page.getByTestId('nav-goals').isVisible()).toBe(false);
    const toggle = page.getByTestId('header-menu-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await shoot(page, 'dead-ends-phone-header', { fullPage: false });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('nav-goals').waitFor();
    expect(await page.getByTestId('logout').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'dead-ends-phone-menu', { fullPage: false });
    await page.getByTestId('nav-goals').click();
    await page.waitForURL(/\/mal/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // On a desktop the links are in the header itself.
    const wide = await e2e.openOverview('/?enhet=SOC', FULL_HD);
    expect(await wide.getByTestId('header-menu-toggle').count()).toBe(0);
    expect(await wide.getByTestId('nav-goals').isVisible()).toBe(true);
  });

  it('the audit log names what was done to what, in Swedish, without JSON or stored keys', async () => {
    const page = await e2e.open('/admin/logg', { viewport: FULL_HD });
    const row = page.locator('tr[data-action="user.created"]').first();
    await row.waitFor();
    const target = await row.getByTestId('audit-target').innerText();
    const detail = await row.getByTestId('audit-detail').innerText();
    expect(target).toMatch(/^Användare /);
    expect(detail).toMatch(/^Roller: /);
    const all = [...(await page.getByTestId('audit-detail').allInnerTexts()), ...(await page.getByTestId('audit-target').allInnerTexts())];
    for (const text of all) expect(text).not.toMatch(/[{}"]|^(user|board|device|batch|target):/);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'dead-ends-audit');
    await page.setViewportSize(PHONE);
    await shoot(page, 'dead-ends-audit');
  });

  it('prints the overview and the KPI view without the header, pickers and buttons', async () => {
    for (const path of ['/?enhet=SOC&period=2022-T1', '/kpi/sjukfranvaro?enhet=SOC&period=2022-T1']) {
      const page = await e2e.open(path, { viewport: FULL_HD });
      await page.locator('[data-testid="kpi-card"], [data-testid="detail-table"]').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      const shown = (sel: string) =>
        page
          .locator(sel)
          .first()
          .evaluate((e) => getComputedStyle(e).display !== 'none');
      expect(await shown('header.header')).toBe(false);
      expect(await shown('[data-testid="kpi-card"], [data-testid="detail-table"]')).toBe(true);
      expect(await shown('.toolbar, .detail__toolbar')).toBe(false);
      // The order control, the export buttons and the period picker are marked .no-print and gone.
      expect(await page.locator('main .no-print').count()).toBeGreaterThan(0);
      expect(await page.locator('main .no-print:visible').count()).toBe(0);
      await shoot(page, `dead-ends-print-${path.startsWith('/kpi') ? 'kpi' : 'overview'}`);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
    }
  });
});
