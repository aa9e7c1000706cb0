// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { GoalItem } from '../api/goals.js';
import { render, visibleText } from '../test/render.js';
import GoalCard from './GoalCard.vue';
import { defaultGoalPeriod, goalPeriodKey, goalTree, parseGoalPeriod } from './goal-tree.js';

function goal(over: Partial<GoalItem> = {}): GoalItem {
  return {
    id: 2,
    parentId: 1,
    kind: 'resultatmal',
    title: 'Kommunens kostnader för placeringar ska minska',
    committees: ['SOCN'],
    unit: 'SOC',
    validFrom: '2020-01',
    validTo: null,
    period: '2020-D',
    assessment: {
      status: 'ej-uppfyllt',
      prognos: 'delvis',
      comment: 'Fler placeringar än budgeterat.',
      decidedBy: 'Förvaltningschef',
      decidedAt: '2020-09-15T10:00:00.000Z',
      origin: 'reported',
    },
    proposal: {
      status: { value: 'delvis', explanation: '1 av 2 indikatorer uppfyllda, 1 ej uppfylld' },
      prognos: { value: 'ej-bedomd', explanation: '0 av 2 indikatorer uppfyllda, 2 ej bedömda' },
    },
    indicators: [
      {
        id: 7,
        kind: 'kpi',
        kpi: 'placeringskostnad',
        name: 'Placeringskostnad',
        unit: 'tkr',
        value: 12345.6,
        women: null,
        men: null,
        riket: null,
        status: 'ej-uppfyllt',
        prognos: 'ej-bedomd',
      },
      {
        id: 8,
        kind: 'manual',
        kpi: null,
        name: 'Andel i hemmaplanslösning',
        unit: '%',
        value: null,
        women: null,
        men: null,
        riket: { value: 41.5, source: 'Kolada (RKA)', year: 2020 },
        status: 'uppfyllt',
        prognos: 'ej-bedomd',
      },
    ],
    ...over,
  };
}

const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/kpi/:kpi', name: 'kpi', component: { render: () => null } }] });
const mountCard = (g: GoalItem, mayAssess: boolean, locale: 'sv' | 'en' = 'sv') =>
  render(GoalCard, { node: { goal: g, children: [] }, period: '2020-D', level: 3, mayAssess }, locale, [router()]);

describe('goal tree and periods', () => {
  it('puts goals under their areas and sub-goals under goals; an orphan stands at the top', () => {
    const area = goal({ id: 1, parentId: null, kind: 'area', title: 'Trygg vård & omsorg' });
    const sub = goal({ id: 3, parentId: 2, kind: 'delmal', title: 'Delmål' });
    const orphan = goal({ id: 9, parentId: 99, title: 'Utan område' });
    const tree = goalTree([sub, goal(), area, orphan]);
    expect(tree.map((n) => n.goal.id)).toEqual([1, 9]);
    expect(tree[0]?.children.map((n) => n.goal.id)).toEqual([2]);
    expect(tree[0]?.children[0]?.children.map((n) => n.goal.id)).toEqual([3]);
  });
  it('reads and writes follow-up periods only', () => {
    expect(parseGoalPeriod('2020-D')).toEqual({ year: 2020, kind: 'D' });
    expect(parseGoalPeriod('2020')).toEqual({ year: 2020, kind: 'year' });
    expect(parseGoalPeriod('2020-T3')).toEqual({ year: 2020, kind: 'T3' });
    expect(parseGoalPeriod('2020-04')).toBeNull();
    expect(parseGoalPeriod(undefined)).toBeNull();
    expect(goalPeriodKey(2021, 'year')).toBe('2021');
    expect(goalPeriodKey(2021, 'T2')).toBe('2021-T2');
    expect(defaultGoalPeriod(new Date(2026, 11, 4))).toBe('2026-D');
    expect(defaultGoalPeriod(new Date(2026, 2, 4))).toBe('2025');
  });
});

describe('GoalCard', () => {
  it('shows status and prognos as symbol and word, the comment, the proposal with its rule and the indicators', () => {
    const w = mountCard(goal(), false);
    const text = visibleText(w);
    expect(w.find('h3').text()).toBe('Kommunens kostnader för placeringar ska minska');
    const decided = w.get('[data-testid="goal-assessment"]');
    expect(decided.get('[aria-label="Status: ej uppfyllt"]').text()).toBe('■ ej uppfyllt');
    expect(decided.get('[aria-label="Prognos: delvis uppfyllt"]').text()).toBe('◆ delvis uppfyllt');
    expect(text).toContain('Fler placeringar än budgeterat.');
    expect(text).toContain('Förslag från indikatorerna: ◆ delvis uppfyllt ○ ej bedömd Status: 1 av 2 indikatorer uppfyllda, 1 ej uppfylld.');
    const rows = w.findAll('[data-testid="goal-indicators"] tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Placeringskostnad', '12\u00a0345,6 tkr', '–', '■ ej uppfyllt', '○ ej bedömd'],
      ['Andel i hemmaplanslösning', 'saknas', '41,5', '● uppfyllt', '○ ej bedömd'],
    ]);
    expect(w.get('[data-testid="goal-indicators"] a').attributes('href')).toBe('/kpi/placeringskostnad');
    expect(w.get('[data-testid="goal-riket-source"]').text()).toBe('Riket – källa: Kolada (RKA) 2020');
    expect(w.find('[data-testid="goal-indicators"] caption').exists()).toBe(true);
    // Without the right to assess, no form is offered.
    expect(w.find('[data-testid="assess-form"]').exists()).toBe(false);
  });
  it('offers the form, labelled, to those who may assess; says when nothing is decided; speaks English', () => {
    const w = mountCard(goal({ assessment: null }), true, 'en');
    expect(visibleText(w)).toContain('No goal assessment decided for the period.');
    const decided = w.get('[data-testid="goal-assessment"]');
    expect(decided.get('[aria-label="Status: not assessed"]').text()).toBe('○ not assessed');
    expect(decided.get('[aria-label="Prognosis: not assessed"]').text()).toBe('○ not assessed');
    const form = w.get('[data-testid="assess-form"]');
    for (const id of ['status', 'prognos', 'comment']) expect(form.find(`label[for="assess-2-${id}"]`).exists()).toBe(true);
    // The form starts at the proposal when nothing is decided.
    expect((form.get('[data-testid="assess-status"]').element as HTMLSelectElement).value).toBe('delvis');
    expect(w.get('[data-testid="goal-history-toggle"]').attributes('aria-expanded')).toBe('false');
  });
});
