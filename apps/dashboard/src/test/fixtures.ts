import type { LiveEvent } from '../composables/useLiveEvents.js';
import type { Overview, OverviewCard } from '../api/types.js';

/** A card as the server sends it (T1 2022, Socialförvaltningen); override what a test is about. */
export function card(over: Partial<OverviewCard> = {}): OverviewCard {
  return {
    kpi: 'hushall-utbetalt',
    unit: 'SOC',
    period: '2022-T1',
    periodLabel: 'T1 2022',
    window: { period: '2022-T1', label: 'T1 2022', labelEn: 'T1 2022' },
    gender: 'T',
    name: 'Hushåll med utbetalt försörjningsstöd',
    nameEn: 'Households receiving financial assistance',
    group: 'ekonomiskt-bistand',
    measureUnit: 'count',
    decimals: 0,
    direction: 'lower',
    targetKind: 'target',
    value: 431,
    display: '431',
    target: 420,
    targetDisplay: '420',
    status: 'yellow',
    origin: 'reported',
    monthsWithData: 4,
    monthsInPeriod: 4,
    genderAvailable: true,
    suppressed: false,
    hidden: null,
    change: {
      lastYear: { period: '2021-T1', periodLabel: 'T1 2021', window: { period: '2021-T1', label: 'T1 2021', labelEn: 'T1 2021' }, value: 517, display: '517' },
      absolute: -86,
      percent: -16.7,
      display: '-86 (-16,7 %)',
    },
    sparkline: [],
    forecastStatus: 'none',
    prognos: null,
    latestComment: null,
    ...over,
  } as OverviewCard;
}

export function overview(over: Partial<Overview> = {}): Overview {
  const cards = over.cards ?? [
    card(),
    card({
      kpi: 'sjukfranvaro',
      name: 'Sjukfrånvaro',
      group: 'personal',
      measureUnit: 'percent',
      decimals: 1,
      value: 8.3,
      display: '8,3 %',
      target: 6,
      targetDisplay: '6,0 %',
      status: 'red',
      origin: 'synthetic',
      // 001 l.578: T1's sick leave is measured 1/12–28/2.
      window: { period: '2021-12:2022-02', label: '1/12 2021–28/2 2022', labelEn: '1 Dec 2021–28 Feb 2022' },
    }),
  ];
  const statusCounts = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const c of cards) statusCounts[c.status]++;
  return {
    unit: 'SOC',
    unitName: 'Socialförvaltningen',
    period: '2022-T1',
    periodLabel: 'T1 2022',
    latestMonth: '2022-12',
    cards,
    statusCounts,
    ...over,
  };
}

/** A live event as the server sends it, naming no unit, KPI or month unless told. */
export const liveEvent = (kind: LiveEvent['kind'], over: Partial<LiveEvent> = {}): LiveEvent => ({
  id: 1,
  kind,
  payload: {},
  createdAt: '2022-03-01T00:00:00.000Z',
  affectedUnits: null,
  affectedKpis: null,
  ...over,
});
