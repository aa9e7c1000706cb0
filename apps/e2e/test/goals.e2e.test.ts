import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from './support/app.js';
import { useChromium } from './support/fixture.js';
import { apiQuery, seriousViolations, shoot, WIDE } from './support/views.js';

type Assessment = 'uppfyllt' | 'delvis' | 'ej-uppfyllt' | 'ej-bedomd';
interface Goal {
  id: number;
  title: string;
  kind: string;
  assessment: { status: Assessment; prognos: Assessment; comment: string } | null;
  proposal: { status: { value: Assessment; explanation: string }; prognos: { value: Assessment; explanation: string } };
}

/** Delårsrapport 2020 (004 l.171–242, packages/db/src/seed/reference/goal_assessments.csv): status and prognos as printed. */
const REPORTED: [string, string, string][] = [
  ['Kommunens kostnader för placeringar ska minska', '■ ej uppfyllt', '■ ej uppfyllt'],
  ['Öppna insatser och hemmaplanslösningar', '● uppfyllt', '● uppfyllt'],
  ['Anhörigstödet ska utvecklas', '◆ delvis uppfyllt', '◆ delvis uppfyllt'],
  ['Trygg och utvecklande förskoleverksamhet', '■ ej uppfyllt', '○ ej bedömd'],
];
const WORD: Record<Assessment, string> = { uppfyllt: '● uppfyllt', delvis: '◆ delvis uppfyllt', 'ej-uppfyllt': '■ ej uppfyllt', 'ej-bedomd': '○ ej bedömd' };

describe('the goals view in Chromium', () => {
  const e2e = useChromium();
  const goals = (page: Page) => apiQuery<Goal[]>(page, e2e.app, 'goal.list', { unit: 'SOC', period: '2020-D' });
  /** A goal's own decided status and prognos on screen (its sub-goals come after it in the DOM). */
  const shown = async (page: Page, id: number) => {
    const box = page.locator(`[data-goal="${id}"]`).getByTestId('goal-assessment').first();
    return Promise.all(['Status', 'Prognos'].map(async (l) => ((await box.locator(`[aria-label^="${l}: "]`).textContent()) ?? '').replace(/\s+/g, ' ').trim()));
  };

  it('shows the demo delårsrapport 2020 målbedömning, and an assessment with a comment lands in the history', async () => {
    const page = await e2e.open('/mal?enhet=SOC&period=2020-D', { viewport: WIDE });
    await page.getByTestId('goal').first().waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Mål och målbedömning');
    await expect(page.getByTestId('goal-period-D').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('nav-goals').getAttribute('href')).resolves.toBe('/mal');

    const list = await goals(page);
    expect(list.filter((g) => g.kind !== 'area')).toHaveLength(25);
    for (const [title, status, prognos] of REPORTED) {
      const g = list.find((x) => x.title.startsWith(title));
      expect(g, title).toBeDefined();
      if (!g) continue;
      await expect(shown(page, g.id), title).resolves.toEqual([status, prognos]);
    }
    // Every goal on screen says what the API says.
    for (const g of list.filter((x) => x.kind !== 'area')) {
      await expect(shown(page, g.id), g.title).resolves.toEqual([WORD[g.assessment?.status ?? 'ej-bedomd'], WORD[g.assessment?.prognos ?? 'ej-bedomd']]);
    }
    expect(await seriousViolations(page)).toEqual([]);
    // Riket beside the annex indicators comes from the demo's Kolada file, and says so.
    await expect(page.getByTestId('goal-riket-source').first().textContent()).resolves.toBe('Riket – källa: Kolada (RKA) 2020');
    await shoot(page, 'goals');

    // Assess "placeringar": departing from the proposal without a comment is refused in Swedish; with one it is kept.
    const goal = list.find((x) => x.title.startsWith('Kommunens kostnader för placeringar'));
    if (!goal) throw new Error('the demo has the placement cost goal');
    const card = page.locator(`[data-goal="${goal.id}"]`);
    await expect(card.getByTestId('goal-proposal').textContent()).resolves.toContain(goal.proposal.status.explanation);
    const departing: Assessment = goal.proposal.status.value === 'delvis' ? 'uppfyllt' : 'delvis';
    await card.getByTestId('assess-open').click();
    await card.getByTestId('assess-status').selectOption(departing);
    await card.getByTestId('assess-prognos').selectOption(goal.proposal.prognos.value);
    await card.getByTestId('assess-save').click();
    await expect
      .poll(() => card.getByTestId('assess-notice').textContent())
      .toMatch(/^\s*Bedömningen avviker från förslaget: status .*Skriv en kommentar som förklarar varför\.\s*$/);
    await expect(card.getByTestId('assess-notice').getAttribute('role')).resolves.toBe('alert');

    const comment = 'Placeringarna har minskat sedan juni; bedömt av förvaltningschefen.';
    await card.getByTestId('assess-comment').fill(comment);
    await card.getByTestId('assess-save').click();
    await expect.poll(() => card.getByTestId('assess-notice').textContent()).toContain('Bedömningen är sparad.');
    await expect.poll(() => shown(page, goal.id)).toEqual([WORD[departing], WORD[goal.proposal.prognos.value]]);
    await expect(card.getByTestId('goal-comment').textContent()).resolves.toBe(comment);

    // The history opened with the decision: newest first, from the reported ■ to the new status, with the comment.
    const history = card.getByTestId('goal-history-table');
    await history.waitFor();
    const first = history.locator('tbody tr').first();
    await expect.poll(async () => (await first.textContent()) ?? '').toContain(comment);
    const cells = await first.locator('td').allTextContents();
    expect(cells[2]?.trim()).toBe(`■ ej uppfyllt → ${WORD[departing]}`);
    await expect(history.locator('tbody tr').count()).resolves.toBe(2);
    const api = await apiQuery<{ comment: string; status: Assessment }[]>(page, e2e.app, 'assessment.history', { goalId: goal.id, period: '2020-D' });
    expect(api[0]).toMatchObject({ comment, status: departing });
    await card.scrollIntoViewIfNeeded();
    await shoot(page, 'goals-assessed', { fullPage: false });

    await page.setViewportSize(PHONE);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'goals', { fullPage: false });
  });
});
