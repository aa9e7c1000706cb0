import { monthRange } from '@lagesbild/domain';
import { referenceRows } from '../reference-csv.js';
import type { DemoEconomyAmount, DemoPrognos } from './types.js';

/** Each report's driftsredovisning: its period key, months, and the demo unit of every printed row (all have one). */
const REPORTS: Record<string, { period: string; start: string; end: string; units: Record<string, string> }> = {
  'Delår 2018': {
    period: '2018-D',
    start: '2018-01',
    end: '2018-08',
    units: { 'varav Nämnd': 'NAMND', 'varav Ledning': 'LEDN', 'varav Staben': 'STAB', 'varav Myndighetsutövning': 'MYN', 'varav Öppenvårdsavdelning': 'OPPV' },
  },
  // T1 2019 prints the whole förvaltning split by cost type (002 l.244–276), not by unit.
  'T1 2019': {
    period: '2019-T1',
    start: '2019-01',
    end: '2019-04',
    units: {
      Summa: 'SOC',
      'Verksamhetens intäkter': 'SOC:intakter',
      'varav ekonomiskt bistånd': 'SOC:ekonomiskt-bistand',
      'varav köpt huvudverksamhet (placeringar)': 'SOC:placeringar',
      'varav personalkostnader inkl ers familjehem': 'SOC:personal',
      'varav utredningskonsulter': 'SOC:konsulter',
      'varav övriga kostnader': 'SOC:ovrigt',
    },
  },
  'Delår 2020': {
    period: '2020-D',
    start: '2020-01',
    end: '2020-08',
    units: {
      Socialnämnd: 'NAMND',
      Ledning: 'LEDN',
      Stab: 'STAB',
      'Öppenvård avd': 'OPPV',
      'Öppna insatser': 'OPPNA',
      HVB: 'HVB',
      'Socialt boende': 'SOCBO',
      'Myndighet Barn, unga och familj avd': 'MYN-BUF',
      'Barn och unga': 'BU',
      'Barn och familj': 'BF',
      'Myndighet Ek. bistånd och vuxna avd': 'MYN-EBV',
      'Ekonomiskt bistånd': 'EKBIST',
      'Ekonomiskt bistånd och vuxna': 'VUXEN',
    },
  },
  'T1 2022': {
    period: '2022-T1',
    start: '2022-01',
    end: '2022-04',
    units: {
      'Soc Ledning': 'LEDN',
      Vuxenavdelning: 'VUX',
      'Ekonomiskt bistånd': 'EKBIST',
      Vuxenstödsenhet: 'VUXEN',
      'HVB Klivet och Kollektivet': 'HVB',
      'Avd barn och unga': 'BOU',
      Barn: 'BF',
      'Ungdom och placeringsenhet': 'BU',
      'Förebyggande och resursenhet': 'OPPNA',
    },
  },
};

/**
 * How a printed period total is spread over its months (weights summing to 1). Evenly, except where the
 * reports give more: the accumulated result Jan–Feb 2018 (003 l.2214: utfall 33 959 tkr, 4 867 tkr worse than
 * budget, so budget 29 092) as shares of what the delår's unit rows add up to (129 235 / 117 166) and T1 2019's deficit after Jan–Feb (8 000 tkr)
 * and Jan–Mar (12 048 tkr) (002 l.286–287), for the förvaltning's own row.
 */
function weights(report: string, kind: 'utfall' | 'budget', n: number): number[] {
  if (report === 'Delår 2018') {
    const janFeb = kind === 'utfall' ? 33_959 / 129_235 : 29_092 / 117_166;
    return Array.from({ length: n }, (_, i) => (i < 2 ? janFeb / 2 : (1 - janFeb) / (n - 2)));
  }
  return Array.from({ length: n }, () => 1 / n);
}

/** SOC's T1 2019 months: budget evenly, utfall = budget + the monthly deviation the text gives (−4 000, −4 000, −4 048, −2 843). */
function soc2019(utfall: number, budget: number): { utfall: number[]; budget: number[] } {
  const b = budget / 4;
  const deviations = [-4_000, -4_000, -4_048, utfall - budget + 12_048];
  return { utfall: deviations.map((d) => b + d), budget: [b, b, b, b] };
}

export function operatingResult(): { amounts: DemoEconomyAmount[]; prognoses: DemoPrognos[] } {
  const amounts: DemoEconomyAmount[] = [];
  const prognoses: DemoPrognos[] = [];
  for (const r of referenceRows('operating_result_tkr')) {
    const report = REPORTS[r.report ?? ''];
    const target = report?.units[r.row_label ?? ''];
    if (!report || !target) continue;
    const [unitCode = '', line = 'netto'] = target.split(':');
    const months = monthRange(report.start, report.end);
    const file = (r.source ?? '').slice(0, 3);
    const where = `${r.document}, ${file} rad ${r.line}`;
    // 002 l.274 prints "8 276" without its minus: −8 276 is what the budget, deviation and the sum of the varav rows need.
    const utfall = line === 'ovrigt' && r.report === 'T1 2019' ? -Math.abs(Number(r.utfall)) : Number(r.utfall);
    const budget = Number(r.budget);
    const split =
      r.report === 'T1 2019' && line === 'netto'
        ? soc2019(utfall, budget)
        : { utfall: weights(r.report ?? '', 'utfall', months.length).map((w) => w * utfall), budget: weights(r.report ?? '', 'budget', months.length).map((w) => w * budget) };
    months.forEach((month, i) => {
      const spread = `${where}; periodens belopp fördelat på månaderna`;
      amounts.push({ unitCode, line, month, kind: 'utfall', amountTkr: split.utfall[i] ?? 0, origin: 'reported', source: spread });
      amounts.push({ unitCode, line, month, kind: 'budget', amountTkr: split.budget[i] ?? 0, origin: 'reported', source: spread });
    });
    if (r.prognos !== '')
      prognoses.push({ unitCode, line, period: report.period, deviationTkr: Number(r.prognos), label: r.prognos_label ?? null, origin: 'reported', source: where });
  }
  return { amounts, prognoses };
}
