import type { ReportDocument } from '@lagesbild/domain';
import { emptyReport, reportGoal, reportKpi, shown } from '@lagesbild/domain/testing';

// This fixture's goals are decided and its KPIs judged unless a row says otherwise.
const goal = (over: Parameters<typeof reportGoal>[0]) =>
  reportGoal({
    parentId: 1,
    committees: ['SOCN'],
    status: 'uppfyllt',
    prognos: 'uppfyllt',
    proposal: '1 av 1 indikatorer uppfyllda',
    decidedBy: 'Förvaltningschef',
    decidedAt: '2020-09-15T08:00:00.000Z',
    ...over,
  });
const kpi = (over: Parameters<typeof reportKpi>[0]) =>
  reportKpi({
    nameEn: `${over.name} (en)`,
    value: shown(431),
    lastYear: shown(402),
    target: 420,
    status: 'yellow',
    forecast: 440,
    forecastStatus: 'red',
    ...over,
  });

/** Delårsrapport 2020 for Socialförvaltningen, one of each kind of row (a component test overrides what it is about). */
export function reportDocument(over: Partial<ReportDocument> = {}): ReportDocument {
  return emptyReport({
    generatedAt: '2020-09-10T12:00:00.000Z',
    summary: 'Verksamheten har i huvudsak bedrivits enligt plan.',
    goals: [
      goal({ id: 1, parentId: null, depth: 0, kind: 'area', title: 'Trygg vård & omsorg', decidedBy: null, decidedAt: null }),
      goal({ id: 2, title: 'Kommunens kostnader för placeringar ska minska', status: 'ej-uppfyllt', prognos: 'ej-uppfyllt', comment: 'Fler placeringar än budgeterat.' }),
      goal({ id: 3, title: 'Anhörigstödet ska utvecklas', status: 'delvis', prognos: 'uppfyllt' }),
      goal({ id: 4, parentId: 3, depth: 2, kind: 'delmal', title: 'Fler anhöriga får stöd', status: 'ej-bedomd', prognos: 'delvis', decidedBy: null, decidedAt: null }),
    ],
    uppdrag: [{ id: 1, title: 'Utred hemmaplanslösningar', status: 'pagar', comments: [{ date: '2020-06-01', body: 'Utredningen är påbörjad.' }] }],
    volymmatt: [kpi({ kpi: 'hushall-utbetalt', name: 'Hushåll med utbetalt försörjningsstöd' })],
    ekonomi: [
      kpi({
        kpi: 'placeringskostnad',
        name: 'Placeringskostnad',
        unit: 'kr',
        value: shown(3634874),
        target: null,
        status: 'none',
        forecast: null,
        forecastStatus: 'none',
      }),
    ],
    personal: [
      kpi({
        kpi: 'sjukfranvaro',
        name: 'Sjukfrånvaro',
        unit: 'percent',
        decimals: 1,
        value: { value: null, hidden: { mark: 'primary', noun: 'employees', threshold: 10 } },
        monthsWithData: 6,
      }),
    ],
    atgarder: [
      {
        id: 1,
        avvikelse: 'Placeringskostnaden över budget',
        title: 'Förstärkt öppenvård',
        expectedEffect: 'Färre placeringar',
        owner: 'IFO-chef',
        dueDate: '2020-12-31',
        status: 'pagar',
        about: 'Placeringskostnad',
      },
    ],
    risker: [{ id: 1, risk: 'Ökat antal placeringar', orsak: 'Fler anmälningar', konsekvenser: 'Högre kostnader', hantering: 'Uppföljning varje månad' }],
    bilaga: [
      {
        goalId: 2,
        goalTitle: 'Kommunens kostnader för placeringar ska minska',
        name: 'Andel i hemmaplanslösning',
        unit: 'percent',
        decimals: 1,
        total: shown(6.8),
        women: shown(7.1),
        men: { value: null, hidden: null },
        riket: { value: 41.5, source: 'Kolada (RKA) 2020', year: 2020 },
        status: 'delvis',
      },
    ],
    ...over,
  });
}
