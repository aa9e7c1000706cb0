import { FTE_SHAPE } from '../seed/kpi-def.js';
import type { DemoKpi } from '../seed/types.js';

type Template = Omit<DemoKpi, 'id' | 'sortOrder' | 'validFrom' | 'ageBands' | 'description' | 'source'> & { id: string };

const base = { decimals: 0, scale: 1, ratioOf: null, direction: 'lower' as const };

/** The first eight cover every kind the engine treats differently; the rest repeat split counts and sums. */
const CORE: Template[] = [
  {
    ...base,
    id: 'gen-hushall',
    name: 'Hushåll med försörjningsstöd',
    nameEn: 'Households with assistance',
    group: 'ekonomiskt-bistand',
    unit: 'count',
    timeAggregation: 'mean',
    genderSplit: true,
    privacyClass: 'small-count',
  },
  {
    ...base,
    id: 'gen-utbetalt',
    name: 'Utbetalt försörjningsstöd',
    nameEn: 'Assistance paid',
    group: 'ekonomiskt-bistand',
    unit: 'kr',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'none',
  },
  {
    ...base,
    id: 'gen-utbetalt-per-hushall',
    name: 'Utbetalt per hushåll och månad',
    nameEn: 'Paid per household and month',
    group: 'ekonomiskt-bistand',
    unit: 'kr',
    direction: 'none',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'small-count',
    ratioOf: { numerator: 'gen-utbetalt', denominator: 'gen-hushall' },
  },
  {
    ...base,
    id: 'gen-sjukfranvaro',
    name: 'Sjukfrånvaro',
    nameEn: 'Sick leave',
    group: 'personal',
    unit: 'percent',
    decimals: 1,
    scale: 100,
    timeAggregation: 'sum',
    genderSplit: true,
    privacyClass: 'sick-leave',
  },
  {
    ...base,
    id: 'gen-aktualiseringar',
    name: 'Aktualiseringar',
    nameEn: 'New cases',
    group: 'barn-unga-vuxna',
    unit: 'count',
    timeAggregation: 'sum',
    genderSplit: true,
    privacyClass: 'small-count',
  },
  { ...base, id: 'gen-varddygn', name: 'Vårddygn', nameEn: 'Care days', group: 'placeringar', unit: 'days', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' },
  {
    ...base,
    id: 'gen-kostnad',
    name: 'Placeringskostnad',
    nameEn: 'Placement costs',
    group: 'ekonomi',
    unit: 'tkr',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'none',
  },
  {
    ...base,
    id: 'gen-arsarbetare',
    name: 'Årsarbetare',
    nameEn: 'Full-time equivalents',
    ...FTE_SHAPE,
  },
];

/** The extra KPIs alternate between split counts and sums of money. */
const EXTRA_KINDS = [
  { slug: 'antal', name: 'Antal', nameEn: 'Count', group: 'barn-unga-vuxna', unit: 'count', genderSplit: true, privacyClass: 'small-count' },
  { slug: 'belopp', name: 'Belopp', nameEn: 'Amount', group: 'ekonomi', unit: 'kr', genderSplit: false, privacyClass: 'none' },
] as const;

function extra(i: number): Template {
  const n = String(i + 1).padStart(2, '0');
  const { slug, name, nameEn, ...shape } = i % 2 === 0 ? EXTRA_KINDS[0] : EXTRA_KINDS[1];
  return { ...base, ...shape, id: `gen-${slug}-${n}`, name: `${name} ${n}`, nameEn: `${nameEn} ${n}`, timeAggregation: 'sum' };
}

/**
 * Age bands as the reports have them: households with a "varav 18–24" beside
 * the total (their kr-per-household ratio then reads the total the same way),
 * aktualiseringar split into two bands that make up the total. Only cells
 * stored with a band use them (the whole-API attacker's organisations).
 */
const BANDS: Record<string, Pick<DemoKpi, 'ageBands' | 'ageBandKind'>> = {
  'gen-hushall': { ageBands: ['18-24'], ageBandKind: 'subset' },
  'gen-utbetalt-per-hushall': { ageBands: [], ageBandKind: 'subset' },
  'gen-aktualiseringar': { ageBands: ['0-12', '13-20'], ageBandKind: 'partition' },
};

/** A catalogue of `count` KPIs (at least 4, so a ratio and a rate are always there), shared by every generated organisation. */
export function generatedKpis(count: number): DemoKpi[] {
  const n = Math.max(4, count);
  const list = [...CORE.slice(0, n), ...Array.from({ length: Math.max(0, n - CORE.length) }, (_, i) => extra(i + CORE.length))];
  return list.map((t, i) => ({
    ...t,
    description: `Genererad KPI (${t.timeAggregation}${t.genderSplit ? ', K/M' : ''}${t.ratioOf ? ', kvot' : ''}) för skalningstester.`,
    source: 'lagesbild generate',
    ageBands: [],
    ...BANDS[t.id],
    validFrom: '2000-01',
    sortOrder: 1000 + i,
  }));
}
