import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { apiQuery, NARROW, seriousViolations, shoot, WIDE } from './support/views.js';

interface Card {
  kpi: string;
  name: string;
  status: string;
  value: number | null;
  display: string;
  targetDisplay: string | null;
  hidden: unknown;
}
interface Goal {
  id: number;
  title: string;
  kind: string;
  unit: string;
  indicators: { kpi: string | null }[];
}

/** Fits a 375 px phone: nothing wider than the window (tables become cards), and a screenshot at both sizes. */
async function shootBoth(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  await page.setViewportSize(NARROW);
  // The chart follows the window through a ResizeObserver (throttled by vue-echarts): until it has redrawn, its
  // old canvas is still wide, so the page is given the moment it takes to reflow.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
  await shoot(page, name);
  await page.setViewportSize(WIDE);
}

/**
 * The nämnd's follow-ups as people use them: a förvaltningschef links an
 * åtgärd to a red KPI and follows its status, and gives a goal an uppdrag with
 * a dated comment and a risk; an analytiker reads them all without a form.
 */
describe('åtgärder, uppdrag and risks in Chromium', () => {
  const tokens = { chef: '', analyst: '' };
  const e2e = useChromium(async (app) => {
    tokens.chef = await app.signInAs('fu-chef', [{ role: 'forvaltningschef' }]);
    tokens.analyst = await app.signInAs('fu-analytiker', [{ role: 'analytiker' }]);
  });
  const open = (path: string, who: keyof typeof tokens) => e2e.open(path, { token: tokens[who], viewport: WIDE });
  const title = 'Förstärkt hemmaplansteam för unga';
  const uppdragTitle = 'Ta fram en plan för fler familjehem i egen regi';
  const commentBody = 'Planen är skickad till nämnden.';
  const riskText = 'Svårt att rekrytera familjehem';
  let red: { card: Card; period: string } | undefined;
  let goal: Goal | undefined;

  it('a förvaltningschef adds an åtgärd to a red KPI with ansvarig and date, and moves it to Pågår', async () => {
    const probe = await open('/', 'chef');
    // A red KPI of the demo whose value and target are shown (the avvikelse quotes them), one a 2020 goal follows when there is one.
    const followed = new Map<string, string[]>();
    for (const g of await apiQuery<Goal[]>(probe, e2e.app, 'goal.list', { unit: 'SOC', period: '2020' }))
      for (const i of g.indicators) if (i.kpi !== null) followed.set(i.kpi, [...(followed.get(i.kpi) ?? []), g.title]);
    const candidates: { card: Card; period: string }[] = [];
    for (const period of ['2020-T1', '2020-T2', '2020-T3']) {
      const overview = await apiQuery<{ cards: Card[] }>(probe, e2e.app, 'overview.get', { unit: 'SOC', period });
      for (const card of overview.cards) if (card.status === 'red' && card.value !== null && !card.hidden && card.targetDisplay !== null) candidates.push({ card, period });
    }
    red = candidates.find((c) => followed.has(c.card.kpi)) ?? candidates[0];
    if (!red) throw new Error('the demo shows a red KPI on SOC in 2020');
    const { card, period } = red;

    const page = await open(`/kpi/${card.kpi}?enhet=SOC&period=${period}`, 'chef');
    const panel = page.getByTestId('kpi-atgarder');
    await panel.getByTestId('atgard-none').waitFor();
    // The heading names the KPI once the catalogue has answered.
    await expect.poll(() => panel.locator('h2').textContent()).toBe(`Åtgärder för ${card.name}`);
    await panel.getByTestId('atgard-open').click();
    await expect(panel.getByTestId('atgard-avvikelse').inputValue()).resolves.toBe(`Utfall ${card.display} mot mål ${card.targetDisplay ?? ''}`);

    // Nothing is sent without ansvarig; the field says so.
    await panel.getByTestId('atgard-title-input').fill(title);
    await panel.getByTestId('atgard-save').click();
    await expect(panel.getByTestId('atgard-owner-error').textContent()).resolves.toBe('Fyll i fältet.');
    await panel.getByTestId('atgard-owner').fill('Anna Andersson, enhetschef BoU');
    await panel.getByTestId('atgard-due').fill('2020-12-31');
    await panel.getByTestId('atgard-effect').fill('Färre placeringar utanför kommunen');
    await panel.getByTestId('atgard-save').click();
    await expect.poll(() => panel.getByTestId('atgard-form-notice').textContent()).toContain('Åtgärden är sparad.');

    const row = panel.getByTestId('atgard').filter({ hasText: title });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.map((c) => c.trim()).slice(0, 4)).toEqual([
      `Utfall ${card.display} mot mål ${card.targetDisplay ?? ''}`,
      'Anna Andersson, enhetschef BoU',
      '2020-12-31',
      'Färre placeringar utanför kommunen',
    ]);
    const status = row.getByTestId('atgard-status');
    await expect(status.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).resolves.toBe('Planerad');
    await status.selectOption('pagar');
    await expect.poll(() => panel.getByTestId('atgard-notice').textContent()).toContain(`Status för ${title} är nu Pågår.`);
    const list = await apiQuery<{ title: string; status: string; kpi: string; owner: string; dueDate: string }[]>(page, e2e.app, 'atgard.list', {
      unit: 'SOC',
      period: period,
      kpi: card.kpi,
    });
    expect(list).toEqual([expect.objectContaining({ title, status: 'pagar', kpi: card.kpi, owner: 'Anna Andersson, enhetschef BoU', dueDate: '2020-12-31' })]);
    await expect(status.inputValue()).resolves.toBe('pagar');

    // The goals that follow the KPI up (those of the tertial), each a link to the goals view.
    const expected = (await apiQuery<Goal[]>(page, e2e.app, 'goal.list', { unit: 'SOC', period })).filter((g) => g.indicators.some((i) => i.kpi === card.kpi));
    const kpiGoals = page.getByTestId('kpi-goals');
    await (expected.length > 0 ? kpiGoals.getByTestId('kpi-goal').first() : kpiGoals.getByTestId('kpi-goals-none')).waitFor();
    await expect(kpiGoals.getByTestId('kpi-goal-link').allTextContents()).resolves.toEqual(expected.map((g) => g.title));
    if (expected[0]) await expect(kpiGoals.getByTestId('kpi-goal-link').first().getAttribute('href')).resolves.toBe(`/mal?enhet=${expected[0].unit}&period=${period}`);
    expect(await seriousViolations(page)).toEqual([]);
    await shootBoth(page, 'kpi-atgarder');
  });

  it('a förvaltningschef gives a 2020 goal an uppdrag with a dated comment and a risk on /mal', async () => {
    const page = await open('/mal?enhet=SOC&period=2020-D', 'chef');
    await page.getByTestId('goal').first().waitFor();
    const goals = await apiQuery<Goal[]>(page, e2e.app, 'goal.list', { unit: 'SOC', period: '2020-D' });
    goal = goals.find((g) => g.title.startsWith('Kommunens kostnader för placeringar'));
    if (!goal) throw new Error('the demo has the placement cost goal on SOC');
    const fu = page.locator(`[data-goal="${goal.id}"]`).getByTestId('goal-follow-ups').first();
    await fu.getByTestId('goal-follow-ups-open').click();

    await fu.getByTestId('uppdrag-open').click();
    await fu.getByTestId('uppdrag-save').click();
    await expect(fu.getByTestId('uppdrag-title-error').textContent()).resolves.toBe('Fyll i fältet.');
    await fu.getByTestId('uppdrag-title-input').fill(uppdragTitle);
    await fu.getByTestId('uppdrag-save').click();
    const uppdrag = fu.getByTestId('uppdrag').filter({ hasText: uppdragTitle });
    await uppdrag.waitFor();
    await expect(uppdrag.getByTestId('uppdrag-status').textContent()).resolves.toBe('Status: Ej påbörjat');

    await uppdrag.getByTestId('uppdrag-comment-open').click();
    await expect(uppdrag.getByTestId('uppdrag-comment-date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await uppdrag.getByTestId('uppdrag-comment-date').fill('2020-08-31');
    await uppdrag.getByTestId('uppdrag-comment-body').fill(commentBody);
    await uppdrag.getByTestId('uppdrag-comment-status').selectOption('pagar');
    await uppdrag.getByTestId('uppdrag-comment-save').click();
    await expect.poll(async () => (await uppdrag.getByTestId('uppdrag-comment').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(`2020-08-31: ${commentBody} (fu-chef)`);
    await expect.poll(() => uppdrag.getByTestId('uppdrag-status').textContent()).toBe('Status: Pågår');

    await fu.getByTestId('risk-open').click();
    await fu.getByTestId('risk-risk-input').fill(riskText);
    await fu.getByTestId('risk-orsak-input').fill('Få familjer anmäler intresse');
    await fu.getByTestId('risk-hantering-input').fill('Rekryteringskampanj hösten 2020');
    await fu.getByTestId('risk-save').click();
    const risk = fu.getByTestId('risk').filter({ hasText: riskText });
    await risk.waitFor();
    await expect(risk.locator('td').allTextContents()).resolves.toEqual(['Få familjer anmäler intresse', '', 'Rekryteringskampanj hösten 2020']);

    const risks = await apiQuery<{ risk: string; goalId: number | null; period: string }[]>(page, e2e.app, 'risk.list', { unit: 'SOC', period: '2020-D' });
    expect(risks).toContainEqual(expect.objectContaining({ risk: riskText, goalId: goal.id, period: '2020-D' }));
    await expect(fu.getByTestId('goal-follow-ups-open').textContent()).resolves.toBe('Åtgärder, uppdrag och risker (2)');
    expect(await seriousViolations(page)).toEqual([]);
    await fu.scrollIntoViewIfNeeded();
    await shootBoth(page, 'goal-follow-ups');
  });

  it('an analytiker reads the åtgärd, the uppdrag and the risk, with no form to change them', async () => {
    if (!red || !goal) throw new Error('the earlier steps ran');
    const detail = await open(`/kpi/${red.card.kpi}?enhet=SOC&period=${red.period}`, 'analyst');
    const panel = detail.getByTestId('kpi-atgarder');
    const row = panel.getByTestId('atgard').filter({ hasText: title });
    await row.waitFor();
    await expect(row.getByTestId('atgard-status-text').textContent()).resolves.toBe('Pågår');
    await expect(panel.getByTestId('atgard-status').count()).resolves.toBe(0);
    await expect(panel.getByTestId('atgard-open').count()).resolves.toBe(0);

    const page = await open('/mal?enhet=SOC&period=2020-D', 'analyst');
    const fu = page.locator(`[data-goal="${goal.id}"]`).getByTestId('goal-follow-ups').first();
    await fu.getByTestId('goal-follow-ups-open').click();
    await fu.getByTestId('uppdrag').filter({ hasText: uppdragTitle }).waitFor();
    await fu.getByTestId('risk').filter({ hasText: riskText }).waitFor();
    for (const form of ['atgard-open', 'uppdrag-open', 'uppdrag-comment-open', 'risk-open', 'assess-open']) await expect(page.getByTestId(form).count(), form).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shootBoth(page, 'goal-follow-ups-analytiker');

    // The chef adds another risk meanwhile: the analytiker's open page shows it without being reloaded (follow_up.changed).
    const chef = await open('/mal?enhet=SOC&period=2020-D', 'chef');
    const chefs = chef.locator(`[data-goal="${goal.id}"]`).getByTestId('goal-follow-ups').first();
    await chefs.getByTestId('goal-follow-ups-open').click();
    await chefs.getByTestId('risk-open').click();
    await chefs.getByTestId('risk-risk-input').fill('Ökat antal orosanmälningar');
    await chefs.getByTestId('risk-save').click();
    await fu.getByTestId('risk').filter({ hasText: 'Ökat antal orosanmälningar' }).waitFor();
  });
});
