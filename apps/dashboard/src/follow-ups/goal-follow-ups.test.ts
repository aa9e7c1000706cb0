// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { computed, ref, shallowRef } from 'vue';
import type { AtgardItem, RiskItem, UppdragItem } from '../api/follow-ups.js';
import type { GoalItem } from '../api/goals.js';
import type { LoadError } from '../lib/load-error.js';
import { render, visibleText } from '../test/render.js';
import GoalFollowUps from './GoalFollowUps.vue';
import type { FollowUps } from './useFollowUps.js';

const goal = { id: 3, unit: 'IFO', title: 'Kommunens kostnader för placeringar ska minska' } as GoalItem;
const atgard = (id: number, goalId: number, title: string): AtgardItem => ({
  id,
  goalId,
  kpi: null,
  unit: 'IFO',
  avvikelse: '',
  title,
  owner: 'Anna',
  dueDate: null,
  expectedEffect: '',
  status: 'klar',
  createdBy: 'chef',
  createdAt: '2020-09-01T10:00:00.000Z',
});
const risk: RiskItem = { id: 1, goalId: 3, period: '2020-D', risk: 'Svårt att rekrytera familjehem', orsak: '', konsekvenser: '', hantering: '', createdBy: 'chef', unit: 'IFO' };

/** The view's lists as useFollowUps gives them, without a server: only the parts GoalFollowUps reads. */
function followUps(over: { error?: LoadError; uppdrag?: UppdragItem[] } = {}) {
  const addAtgard = vi.fn(() => Promise.resolve({}));
  const fu = {
    mayAssess: ref(true),
    atgarder: shallowRef([atgard(1, 3, 'Multiteam'), atgard(2, 4, 'Ett annat måls åtgärd')]),
    uppdrag: shallowRef(over.uppdrag ?? []),
    risks: shallowRef([risk, { ...risk, id: 2, goalId: null, risk: 'Förvaltningens egen risk' }]),
    loadError: computed(() => over.error ?? null),
    addAtgard,
    setAtgardStatus: vi.fn(),
    addUppdrag: vi.fn(),
    commentUppdrag: vi.fn(),
    addRisk: vi.fn(),
  };
  return { fu: fu as unknown as FollowUps, addAtgard };
}

describe('GoalFollowUps', () => {
  it('shows only the goal’s own åtgärder and risks, counted, and writes on the goal’s unit', async () => {
    const { fu, addAtgard } = followUps();
    const w = render(GoalFollowUps, { goal, level: 4, followUps: fu });
    expect(w.get('[data-testid="goal-follow-ups-open"]').text()).toBe('Åtgärder, uppdrag och risker (2)');
    const text = visibleText(w);
    expect(text).toContain('Multiteam');
    expect(text).toContain('Svårt att rekrytera familjehem');
    expect(text).not.toContain('Ett annat måls åtgärd');
    expect(text).not.toContain('Förvaltningens egen risk');
    expect(text).toContain('Inga uppdrag ännu.');

    await w.get('[data-testid="atgard-title-input"]').setValue('Samverkan med skolan');
    await w.get('[data-testid="atgard-owner"]').setValue('Eva');
    await w.get('[data-testid="atgard-form"]').trigger('submit');
    await flushPromises();
    expect(addAtgard).toHaveBeenCalledWith('IFO', expect.objectContaining({ goalId: 3, kpi: null, title: 'Samverkan med skolan', owner: 'Eva' }));
  });

  it('says when the lists could not be read, in the server’s words', () => {
    const { fu } = followUps({ error: { kind: 'request', status: 403, message: 'Du har inte behörighet till enheten SOC.' } });
    expect(render(GoalFollowUps, { goal, level: 4, followUps: fu }).get('[role="alert"]').text()).toBe('Du har inte behörighet till enheten SOC.');
  });
});
