// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { AtgardDraft, AtgardItem, CommentDraft, RiskDraft, UppdragItem } from '../api/follow-ups.js';
import { render, visibleText } from '../test/render.js';
import AtgardList from './AtgardList.vue';
import { atgardErrors, commentErrors, followUpPeriodOf, isIsoDate, todayIso } from './follow-up-forms.js';
import RiskList from './RiskList.vue';
import UppdragList from './UppdragList.vue';

const atgard: AtgardItem = {
  id: 5,
  goalId: null,
  kpi: 'placeringar',
  unit: 'SOC',
  avvikelse: 'Utfall 8,1 % mot mål 6,0 %',
  title: 'Multiteam',
  owner: 'Anna Andersson',
  dueDate: '2020-12-31',
  expectedEffect: 'Färre placeringsdygn',
  status: 'planerad',
  createdBy: 'chef',
  createdAt: '2020-09-15T10:00:00.000Z',
};
const uppdrag: UppdragItem = {
  id: 9,
  goalId: 3,
  unit: 'SOC',
  title: 'Ta fram en plan för hemmaplanslösningar',
  status: 'pagar',
  createdBy: 'chef',
  createdAt: '2020-03-01T10:00:00.000Z',
  comments: [
    { date: '2020-08-31', body: 'Klart enligt plan.', author: 'Anna' },
    { date: '2020-04-30', body: 'Arbetet har startat.', author: 'Anna' },
  ],
};

describe('the follow-up forms’ rules', () => {
  it('needs åtgärd and ansvarig, and a real date when klart senast is given', () => {
    expect(atgardErrors({ avvikelse: '', title: ' ', owner: '', dueDate: '', expectedEffect: '' })).toEqual({ title: 'required', owner: 'required' });
    expect(atgardErrors({ avvikelse: '', title: 'Multiteam', owner: 'Anna', dueDate: '2020-02-30', expectedEffect: '' })).toEqual({ dueDate: 'date' });
    expect(atgardErrors({ avvikelse: '', title: 'Multiteam', owner: 'Anna', dueDate: '2020-12-31', expectedEffect: '' })).toEqual({});
    expect(commentErrors({ date: '', body: '', status: '' })).toEqual({ date: 'required', body: 'required' });
    expect(commentErrors({ date: '31/8 2020', body: 'Klart.', status: '' })).toEqual({ date: 'date' });
    expect([isIsoDate('2020-02-29'), isIsoDate('2021-02-29'), isIsoDate('2020-9-30')]).toEqual([true, false, false]);
    expect(todayIso(new Date(2020, 8, 5, 23, 30))).toBe('2020-09-05');
  });

  it('writes a KPI view’s åtgärd in the follow-up period that holds the shown period', () => {
    expect(['2020-09', '2020-T2', '2020-D', '2020', '2020-06-R12', 'inte'].map(followUpPeriodOf)).toEqual(['2020', '2020-T2', '2020-D', '2020', '2020', null]);
  });
});

describe('AtgardList', () => {
  const props = (over: Record<string, unknown> = {}) => ({
    items: [atgard],
    about: { goalId: null, kpi: 'placeringar' },
    idBase: 'kpi',
    heading: 'Åtgärder för Placeringar',
    level: 2,
    mayAssess: true,
    avvikelse: 'Utfall 8,1 % mot mål 6,0 %',
    add: vi.fn<(a: AtgardDraft) => Promise<unknown>>(() => Promise.resolve({})),
    setStatus: vi.fn(() => Promise.resolve({})),
    ...over,
  });

  it('names the missing fields at the fields and sends nothing until åtgärd and ansvarig are there', async () => {
    const p = props();
    const w = render(AtgardList, p);
    expect((w.get('[data-testid="atgard-avvikelse"]').element as HTMLInputElement).value).toBe('Utfall 8,1 % mot mål 6,0 %');
    await w.get('[data-testid="atgard-form"]').trigger('submit');
    expect(w.get('[data-testid="atgard-title-error"]').text()).toBe('Fyll i fältet.');
    expect(w.get('[data-testid="atgard-owner-error"]').text()).toBe('Fyll i fältet.');
    expect(w.get('[data-testid="atgard-title-input"]').attributes('aria-invalid')).toBe('true');
    await w.get('[data-testid="atgard-title-input"]').setValue('Samverkan med skolan');
    await w.get('[data-testid="atgard-owner"]').setValue('Eva Ek');
    await w.get('[data-testid="atgard-due"]').setValue('30/9');
    await w.get('[data-testid="atgard-form"]').trigger('submit');
    expect(w.get('[data-testid="atgard-due-error"]').text()).toContain('ÅÅÅÅ-MM-DD');
    expect(p.add).not.toHaveBeenCalled();

    await w.get('[data-testid="atgard-due"]').setValue('2020-09-30');
    await w.get('[data-testid="atgard-form"]').trigger('submit');
    await flushPromises();
    expect(p.add).toHaveBeenCalledWith({
      goalId: null,
      kpi: 'placeringar',
      avvikelse: 'Utfall 8,1 % mot mål 6,0 %',
      title: 'Samverkan med skolan',
      owner: 'Eva Ek',
      dueDate: '2020-09-30',
      expectedEffect: '',
    });
    expect(w.find('[data-testid="atgard-title-error"]').exists()).toBe(false);
    expect(w.get('[data-testid="atgard-form-notice"]').text()).toBe('Åtgärden är sparad.');
  });

  it('shows the server’s Swedish refusal as it is', async () => {
    const add = vi.fn(() => Promise.reject(new Error('Enheten "X" finns inte.')));
    const w = render(AtgardList, props({ add }));
    await w.get('[data-testid="atgard-title-input"]').setValue('Multiteam');
    await w.get('[data-testid="atgard-owner"]').setValue('Anna');
    await w.get('[data-testid="atgard-form"]').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="atgard-form-notice"]').text()).toBe('Enheten "X" finns inte.');
    expect(w.get('[data-testid="atgard-form-notice"]').attributes('role')).toBe('alert');
  });

  it('changes a row’s status for those who may assess; others read it and get no form', async () => {
    const p = props();
    const w = render(AtgardList, p);
    await w.get('[data-testid="atgard-status"]').setValue('pagar');
    await flushPromises();
    expect(p.setStatus).toHaveBeenCalledWith(atgard, 'pagar');
    expect(w.get('[data-testid="atgard-notice"]').text()).toBe('Status för Multiteam är nu Pågår.');

    const reader = render(AtgardList, props({ mayAssess: false }));
    expect(reader.get('[data-testid="atgard-status-text"]').text()).toBe('Planerad');
    expect(reader.find('[data-testid="atgard-form"]').exists()).toBe(false);
    expect(visibleText(reader)).toContain('Anna Andersson');
  });
});

describe('UppdragList and RiskList', () => {
  it('adds a dated comment (today unless changed) with an optional new status, and requires its text', async () => {
    const comment = vi.fn<(u: UppdragItem, c: CommentDraft) => Promise<unknown>>(() => Promise.resolve({ id: 1 }));
    const w = render(UppdragList, { items: [uppdrag], goalId: 3, idBase: 'g3', heading: 'Uppdrag', level: 4, mayAssess: true, add: vi.fn(), comment });
    expect(w.findAll('[data-testid="uppdrag-comment"]').map((c) => c.text())).toEqual(['2020-08-31: Klart enligt plan. (Anna)', '2020-04-30: Arbetet har startat. (Anna)']);
    expect((w.get('[data-testid="uppdrag-comment-date"]').element as HTMLInputElement).value).toBe(todayIso());
    await w.get('[data-testid="uppdrag-comment-form"]').trigger('submit');
    expect(w.get('[data-testid="comment-body-error"]').text()).toBe('Fyll i fältet.');
    expect(comment).not.toHaveBeenCalled();
    await w.get('[data-testid="uppdrag-comment-date"]').setValue('2020-09-30');
    await w.get('[data-testid="uppdrag-comment-body"]').setValue('Planen är antagen.');
    await w.get('[data-testid="uppdrag-comment-status"]').setValue('klart');
    await w.get('[data-testid="uppdrag-comment-form"]').trigger('submit');
    await flushPromises();
    expect(comment).toHaveBeenCalledWith(uppdrag, { id: 9, date: '2020-09-30', body: 'Planen är antagen.', status: 'klart' });

    const add = vi.fn(() => Promise.resolve({ id: 2 }));
    const empty = render(UppdragList, { items: [], goalId: 3, idBase: 'g3', heading: 'Uppdrag', level: 4, mayAssess: true, add, comment });
    await empty.get('[data-testid="uppdrag-form"]').trigger('submit');
    expect(empty.get('[data-testid="uppdrag-title-error"]').text()).toBe('Fyll i fältet.');
    expect(add).not.toHaveBeenCalled();
  });

  it('needs the risk itself; orsak, konsekvenser and hantering may wait', async () => {
    const add = vi.fn<(r: RiskDraft) => Promise<unknown>>(() => Promise.resolve({ id: 1 }));
    const w = render(RiskList, { items: [], goalId: 3, idBase: 'g3', heading: 'Risker', level: 4, mayAssess: true, add });
    await w.get('[data-testid="risk-form"]').trigger('submit');
    expect(w.get('[data-testid="risk-risk-error"]').text()).toBe('Fyll i fältet.');
    expect(w.find('[data-testid="risk-orsak-error"]').exists()).toBe(false);
    await w.get('[data-testid="risk-risk-input"]').setValue('Fler placeringar');
    await w.get('[data-testid="risk-form"]').trigger('submit');
    await flushPromises();
    expect(add).toHaveBeenCalledWith({ goalId: 3, risk: 'Fler placeringar', orsak: '', konsekvenser: '', hantering: '' });
    expect(render(RiskList, { items: [], goalId: 3, idBase: 'g3', heading: 'Risker', level: 4, mayAssess: false, add }).find('[data-testid="risk-form"]').exists()).toBe(false);
  });
});
