import type { LiveEvent } from '../composables/useLiveEvents.js';
import type { OverviewCard } from '../api/types.js';

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
