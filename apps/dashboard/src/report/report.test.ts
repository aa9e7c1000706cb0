// @vitest-environment happy-dom
import { driftDelar2020 } from '@lagesbild/domain/testing';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../composables/useLiveEvents.js';
import { render, visibleText } from '../test/render.js';
import { reportDocument } from '../test/report-fixture.js';
import ReportAnnex from './ReportAnnex.vue';
import ReportChanges from './ReportChanges.vue';
import ReportDrift from './ReportDrift.vue';
import ReportFollowUps from './ReportFollowUps.vue';
import ReportGoals from './ReportGoals.vue';
import ReportKpiTable from './ReportKpiTable.vue';
import ReportSummary from './ReportSummary.vue';
import { reportTouched } from './useReport.js';

const doc = reportDocument();
const cells = (w: ReturnType<typeof render>, testid: string) => w.findAll(`[data-testid="${testid}"]`).map((c) => c.text().replace(/\s+/g, ' '));

describe('the report sections', () => {
  it('målbedömning: areas as group rows, each goal with status and prognos as symbol and words, the comment and who decided', () => {
    const w = render(ReportGoals, { goals: doc.goals, caption: 'Målbedömning med prognos' });
    expect(w.findAll('[data-testid="report-goal"]')).toHaveLength(3);
    expect(w.find('.report-table__group').text()).toBe('Trygg vård & omsorg');
    expect(cells(w, 'report-goal-status')).toEqual(['■ ej uppfyllt', '◆ delvis uppfyllt', '○ ej bedömd']);
    expect(cells(w, 'report-goal-prognos')).toEqual(['■ ej uppfyllt', '● uppfyllt', '◆ delvis uppfyllt']);
    const text = visibleText(w);
    expect(text).toContain('Fler placeringar än budgeterat.');
    expect(text).toContain('Beslutad 2020-09-15 av Förvaltningschef');
    expect(text).toContain('Förslag: 1 av 1 indikatorer uppfyllda');
    expect(w.find('[data-testid="report-goal-status"] .report-mark--red').exists()).toBe(true);
  });

  it('målbedömning in English: the words follow the locale, the symbols stay', () => {
    const w = render(ReportGoals, { goals: doc.goals, caption: 'Goals' }, 'en');
    expect(cells(w, 'report-goal-status')).toEqual(['■ not met', '◆ partly met', '○ not assessed']);
    expect(visibleText(w)).toContain('Decided 15 Sept 2020 by Förvaltningschef');
  });

  it('a KPI table formats figures with the domain functions: Swedish numbers, a hidden figure in words, "–" for none', () => {
    const w = render(ReportKpiTable, { rows: [...doc.volymmatt, ...doc.ekonomi, ...doc.personal], caption: 'Ekonomi', testid: 'report-ekonomi' });
    expect(cells(w, 'report-kpi-value')).toEqual(['431', '3 634 874 kr', 'högst 10 anställda']);
    const text = visibleText(w);
    expect(text).toContain('◆ delvis uppfyllt');
    expect(text).toContain('■ ej uppfyllt');
    expect(text).toContain('6 av 8 månader med data');
    const placering = w
      .find('[data-kpi="placeringskostnad"]')
      .findAll('td')
      .map((c) => c.text());
    expect(placering.slice(2, 5)).toEqual(['–', '○ ej bedömd', '–']);
  });

  it('a KPI table in English uses the English names and number format', () => {
    const w = render(ReportKpiTable, { rows: doc.ekonomi, caption: 'Economy', testid: 'report-ekonomi' }, 'en');
    expect(visibleText(w)).toContain('Placeringskostnad (en)');
    expect(cells(w, 'report-kpi-value')[0]).toBe('3,634,874 kr');
  });

  it('the driftsredovisning prints each unit’s tkr row and the Summa as the PDF does, under the printed headers', () => {
    const w = render(ReportDrift, { drift: driftDelar2020() });
    const row = (key: string) =>
      w
        .find(`[data-unit="${key}"]`)
        .findAll('th, td')
        .map((c) => c.text());
    expect(row('NAMND')).toEqual(['Socialnämnd', '-861', '-934', '73', '100']);
    expect(row('BF')).toEqual(['Barn och familj', '-25 376', '-20 542', '-4 834', '–']);
    expect(row('summa')).toEqual(['Summa', '-49 487', '-41 060', '-8 427', '-7 400']);
    expect(visibleText(w)).toContain('Prognos avvikelse per 31/12 2020');
    const en = render(ReportDrift, { drift: driftDelar2020() }, 'en');
    expect(visibleText(en)).toContain('Outturn to 31 Aug 2020');
  });

  it('uppdrag, åtgärdsplan and risker list their rows with status in words', () => {
    const u = visibleText(render(ReportFollowUps, { section: 'uppdrag', doc, caption: 'Uppdrag' }));
    expect(u).toContain('Utred hemmaplanslösningar Pågår 2020-06-01 Utredningen är påbörjad.');
    const a = visibleText(render(ReportFollowUps, { section: 'atgardsplan', doc, caption: 'Åtgärdsplan' }));
    expect(a).toContain('Förstärkt öppenvård Gäller: Placeringskostnad Placeringskostnaden över budget Färre placeringar IFO-chef 2020-12-31 Pågår');
    const r = visibleText(render(ReportFollowUps, { section: 'risker', doc, caption: 'Risker' }));
    expect(r).toContain('Ökat antal placeringar Fler anmälningar Högre kostnader Uppföljning varje månad');
    const empty = visibleText(render(ReportFollowUps, { section: 'risker', doc: { ...doc, risker: [] }, caption: 'Risker' }));
    expect(empty).toContain('Inga risker för perioden.');
  });

  it('the annex shows total, women, men and Riket under the goal, with the source of Riket', () => {
    const w = render(ReportAnnex, { rows: doc.bilaga, caption: 'Bilaga' });
    const row = w
      .find('[data-testid="report-annex-row"]')
      .findAll('td')
      .map((c) => c.text());
    expect(row).toEqual(['6,8 %', '7,1 %', '–', '41,5 %', '◆ delvis uppfyllt']);
    expect(w.find('.report-table__group').text()).toBe('Kommunens kostnader för placeringar ska minska');
    expect(w.find('[data-testid="report-annex-source"]').text()).toBe('Källa: Kolada (RKA) 2020');
    expect(w.find('[data-testid="report-annex-riket"]').attributes('title')).toBe('Kolada (RKA) 2020');
  });

  it('sammantagen bedömning: the tally of goals (areas not counted), the text read-only or in a form', () => {
    const ro = render(ReportSummary, { doc, editable: false });
    expect(ro.findAll('[data-testid="report-tally"] li').map((li) => li.text())).toEqual([
      '0 mål uppfyllda, 1 delvis, 1 ej uppfyllda',
      '1 mål ej bedömda',
      'Prognos för helåret: 1 uppfyllda, 1 delvis, 1 ej uppfyllda',
    ]);
    expect(ro.find('[data-testid="report-summary"]').text()).toBe('Verksamheten har i huvudsak bedrivits enligt plan.');
    expect(ro.find('textarea').exists()).toBe(false);
    const rw = render(ReportSummary, { doc, editable: true });
    expect((rw.find('textarea').element as HTMLTextAreaElement).value).toBe('Verksamheten har i huvudsak bedrivits enligt plan.');
    expect(rw.find('[data-testid="report-summary-save"]').exists()).toBe(true);
  });

  it('a summary over 20 000 characters says so and cannot be saved', async () => {
    const w = render(ReportSummary, { doc, editable: true });
    await w.find('textarea').setValue('x'.repeat(20_001));
    expect(visibleText(w)).toContain('Texten är 20 001 tecken; korta den till högst 20 000.');
    expect(w.find('[data-testid="report-summary-save"]').attributes('disabled')).toBeDefined();
  });

  it('the changes panel lists section, row, column, fastställt and nu', () => {
    const changes = [{ section: 'ekonomi' as const, row: 'Placeringskostnad', column: 'Utfall', before: '3 634 874 kr', after: '3 700 000 kr' }];
    const w = render(ReportChanges, { changes });
    expect(w.find('h2').text()).toBe('Skillnad mot aktuella data');
    expect(
      w
        .find('[data-testid="report-change"]')
        .findAll('th, td')
        .map((c) => c.text()),
    ).toEqual(['Ekonomi', 'Placeringskostnad', 'Utfall', '3 634 874 kr', '3 700 000 kr']);
  });
});

describe('live events and the report', () => {
  const event = (over: Partial<LiveEvent>): LiveEvent =>
    ({ id: '1', kind: 'import.committed', payload: { months: ['2020-05'] }, createdAt: '2020-09-01T00:00:00Z', affectedUnits: ['SOC'], affectedKpis: null, ...over }) as LiveEvent;

  it('an import or target in the unit and months reloads it; another unit, a later year, a comment or a board does not', () => {
    expect(reportTouched(event({}), 'SOC', '2020-D')).toBe(true);
    expect(reportTouched(event({ payload: { months: ['2019-03'] } }), 'SOC', '2020-D')).toBe(true);
    expect(reportTouched(event({ payload: { months: ['2021-03'] } }), 'SOC', '2020-D')).toBe(false);
    expect(reportTouched(event({ affectedUnits: ['UTB'] }), 'SOC', '2020-D')).toBe(false);
    expect(reportTouched(event({ kind: 'target.set', payload: {} }), 'SOC', '2020-D')).toBe(true);
    expect(reportTouched(event({ kind: 'comment.added' }), 'SOC', '2020-D')).toBe(false);
    expect(reportTouched(event({ kind: 'board.saved' }), 'SOC', '2020-D')).toBe(false);
  });

  it('a goal assessment or a follow-up in the unit reloads it, whatever its months', () => {
    expect(reportTouched(event({ kind: 'goal.assessed', payload: {} }), 'SOC', '2020-D')).toBe(true);
    expect(reportTouched(event({ kind: 'follow_up.changed', affectedUnits: ['UTB'] }), 'SOC', '2020-D')).toBe(false);
  });
});
