import { hiddenReason, type ReportDocument, type ReportKpiRow } from '@lagesbild/domain';
import { emptyReport, reportGoal, reportKpi, shown } from '@lagesbild/domain/testing';

const goal = (g: Parameters<typeof reportGoal>[0]) => reportGoal({ kind: 'namndmal', committees: ['Socialnämnden'], ...g });
const kpi = (k: Parameters<typeof reportKpi>[0] & Pick<ReportKpiRow, 'unit'>) => reportKpi(k);
const fromKolada = { source: 'Kolada (RKA)', year: 2020 };
const egenForsorjning = { goalId: 2, goalTitle: 'Fler invånare når egen försörjning' };

/** A delårsrapport 2020 as a socialnämnd would print it: each assessment, a hidden figure, Riket from Kolada. */
export function delarsrapport2020(): ReportDocument {
  return emptyReport({
    orgName: 'Exempelby kommun',
    unit: 'soc',
    summary:
      'Förvaltningen bedömer att verksamheten i huvudsak bedrivs enligt plan. Kostnaderna för försörjningsstöd har ökat under pandemin.\n\nPlaceringarna av barn och unga har minskat, och andelen som återgår till egen försörjning ligger nära målet.',
    goals: [
      goal({ id: 1, depth: 0, kind: 'area', title: 'Trygghet och välfärd', committees: [] }),
      goal({
        id: 2,
        parentId: 1,
        title: 'Fler invånare når egen försörjning',
        status: 'uppfyllt',
        prognos: 'uppfyllt',
        comment: 'Andelen som avslutas till arbete eller studier har ökat.',
        proposal: '3 av 3 indikatorer uppfyllda',
        decidedBy: 'Anna Andersson',
        decidedAt: '2020-09-08T10:00:00Z',
      }),
      goal({
        id: 3,
        parentId: 2,
        depth: 2,
        kind: 'delmal',
        title: 'Kortare tid med försörjningsstöd',
        status: 'delvis',
        prognos: 'uppfyllt',
        comment: 'Tiden har minskat men inte nått målet.',
        proposal: '1 av 2 indikatorer uppfyllda, 1 delvis uppfylld',
      }),
      goal({ id: 4, depth: 0, kind: 'area', title: 'Barn och unga', committees: [] }),
      goal({
        id: 5,
        parentId: 4,
        title: 'Färre placeringar utanför hemmet',
        status: 'ej-uppfyllt',
        prognos: 'delvis',
        comment: 'Antalet placeringar är högre än budgeterat.',
        proposal: '0 av 2 indikatorer uppfyllda, 2 ej uppfyllda',
      }),
      goal({ id: 6, parentId: 4, title: 'Nöjdare brukare i öppenvården', status: 'ej-bedomd', prognos: 'ej-bedomd', proposal: 'Målet har inga indikatorer.' }),
    ],
    uppdrag: [{ id: 1, title: 'Utreda samlokalisering av öppenvården', status: 'pagar', comments: [{ date: '2020-06-15', body: 'Lokalförslag tas fram under hösten.' }] }],
    volymmatt: [
      kpi({
        kpi: 'U31400',
        name: 'Hushåll med försörjningsstöd',
        unit: 'count',
        value: shown(604),
        lastYear: shown(571),
        target: 560,
        status: 'red',
        forecast: 612,
        forecastStatus: 'red',
      }),
      kpi({
        kpi: 'N31807',
        name: 'Placerade barn, dygn',
        unit: 'days',
        value: { value: null, hidden: hiddenReason('primary', 'persons') },
        lastYear: shown(1250),
        target: 1300,
        monthsWithData: 6,
      }),
    ],
    ekonomi: [
      kpi({
        kpi: 'EK01',
        name: 'Utbetalt försörjningsstöd',
        unit: 'kr',
        value: shown(3634874),
        lastYear: shown(3398120),
        target: 3700000,
        status: 'green',
        forecast: 5480000,
        forecastStatus: 'yellow',
      }),
    ],
    personal: [
      kpi({
        kpi: 'PE01',
        name: 'Sjukfrånvaro',
        unit: 'percent',
        decimals: 1,
        value: shown(6.8),
        lastYear: shown(7.4),
        target: 6.5,
        status: 'yellow',
        forecast: 6.9,
        forecastStatus: 'yellow',
      }),
    ],
    atgarder: [
      {
        id: 1,
        avvikelse: 'Placeringskostnaderna överstiger budget',
        title: 'Utöka familjehemsrekryteringen',
        expectedEffect: 'Färre konsulentstödda placeringar',
        owner: 'Enhetschef BoU',
        dueDate: '2020-12-31',
        status: 'pagar',
        about: 'Färre placeringar utanför hemmet',
      },
    ],
    risker: [
      {
        id: 1,
        risk: 'Ökat behov av försörjningsstöd',
        orsak: 'Arbetslösheten stiger under pandemin',
        konsekvenser: 'Budgetunderskott',
        hantering: 'Månatlig uppföljning och samverkan med Arbetsförmedlingen',
      },
    ],
    bilaga: [
      {
        ...egenForsorjning,
        name: 'Andel som återgår till egen försörjning',
        unit: 'percent',
        decimals: 1,
        total: shown(42.5),
        women: shown(44.1),
        men: shown(40.9),
        riket: { value: 39.2, ...fromKolada },
        status: 'uppfyllt',
      },
      {
        ...egenForsorjning,
        name: 'Unga vuxna med försörjningsstöd',
        unit: 'count',
        decimals: 0,
        total: shown(37),
        women: { value: null, hidden: hiddenReason('primary', 'persons') },
        men: { value: null, hidden: hiddenReason('secondary', null) },
        riket: null,
        status: 'delvis',
      },
      {
        goalId: 5,
        goalTitle: 'Färre placeringar utanför hemmet',
        name: 'Placerade barn 0–20 år per 10 000 invånare',
        unit: 'index',
        decimals: 1,
        total: shown(71.3),
        women: shown(68.0),
        men: shown(74.4),
        riket: { value: 63.0, ...fromKolada },
        status: 'ej-uppfyllt',
      },
    ],
  });
}
