import {
  addMonths,
  hiddenReason,
  hiddenText,
  makeMonth,
  monthRange,
  monthsOf,
  parsePeriod,
  periodKey,
  tertial,
  wallRequests,
  yearOf,
  type Gender,
  type Month,
} from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import type { appRouter } from '../../src/root.js';
import { LINEAR_FORECASTS, type Shown } from './statements.js';

export type Caller = ReturnType<typeof appRouter.createCaller>;

/** What the API says about one figure: overview cards, drill-down rows and the like carry these fields. */
interface Figure {
  kpi: string;
  unit: string;
  period: string;
  gender: Gender;
  value: number | null;
  genderAvailable: boolean;
  /** Why the value is not shown; 'unheld': the release does not answer this period for this KPI. */
  hidden?: { mark: string } | null;
}

export interface Harvest {
  shown: Shown[];
  calls: number;
  refused: number;
}

export interface HarvestPlan {
  units: readonly string[];
  /** The units that have children in some month (drill-down and split by unit). */
  parents: readonly string[];
  kpis: readonly string[];
  /** Each KPI's age bands: asked one by one (series and drill-down) and as a split. */
  bands: ReadonlyMap<string, readonly string[]>;
  start: Month;
  end: Month;
  /** At most this many calls; the plan below is cut in its own (shuffled) order. */
  maxCalls: number;
  rand: () => number;
}

/** What an unheld value displays (the API sends last year's value with its display only). */
const UNHELD = hiddenText(hiddenReason('unheld', null));

const monthsOfKey = (key: string) => monthsOf(parsePeriod(key));
/** The months a value is measured over: its KPI's window of the period where it has one (volumes jan–jun in a delår, sick leave from 1/12), else the period. */
const monthsOfValue = (v: { period: string; window?: { period: string } }) => monthsOfKey(v.window?.period ?? v.period);

function figureShown(via: string, f: Figure, ageBand?: string): Shown[] {
  // A figure the release does not answer (a rate over a custom range: "unheld") says nothing and protects nothing: like a refusal.
  if (!f.genderAvailable || f.hidden?.mark === 'unheld') return [];
  return [{ via, kpi: f.kpi, unit: f.unit, months: monthsOfValue(f), gender: f.gender, ageBand, value: f.value, form: { kind: 'value' } }];
}

type SeriesAnswer = Awaited<ReturnType<Caller['series']['get']>>;
type OverviewAnswer = Awaited<ReturnType<Caller['overview']['get']>>;
type DrilldownAnswer = Awaited<ReturnType<Caller['drilldown']['get']>>;

/** Every point of a series answer (the unit it was asked for, or each child's line when split by unit or age band; `ageBand` the band it was asked for). */
export function seriesShown(via: string, r: SeriesAnswer, ageBand?: string): Shown[] {
  return r.series.flatMap((line) => {
    const gender: Gender = line.key === 'K' || line.key === 'M' ? line.key : 'T';
    const unit = r.split === 'unit' ? line.key : r.unit;
    const band = r.split === 'ageBand' ? (line.key === 'T' ? undefined : line.key) : ageBand;
    // An 'outside' point (the line's unit was not the caller's in every month of it) was never computed: it protects nothing.
    return line.points
      .filter((p) => p.display !== 'ej könsuppdelad' && !p.outside)
      .map((p): Shown => ({ via, kpi: r.kpi, unit, months: monthsOfValue(p), gender, ageBand: band, value: p.value, form: { kind: 'value' } }));
  });
}

/** Every number on every card: the value, last year's, the change, the sparkline's months, a linear forecast. */
export function overviewShown(via: string, o: OverviewAnswer): Shown[] {
  const p = parsePeriod(o.period);
  const sparkMonths = monthRange(addMonths(p.end, -23), p.end);
  return o.cards.flatMap((c): Shown[] => [
    ...figureShown(via, c),
    // Last year is judged by its own answer: unheld (a rate over a custom range; its display says so, even when
    // this year's range has no data and so is no 'unheld' card) says nothing, like a refusal. Nor is last year
    // a hidden figure when it lies outside a scoped caller's units (outside.lastYear: the unit was not hers in
    // every month of it, e.g. months before it existed): it was never computed, its null protects nothing, and
    // counting it as hidden made the attacker "pin" a figure the release shows (a YTD whose only months with
    // data are shown one by one).
    ...(c.hidden?.mark === 'unheld' || c.change.lastYear.display === UNHELD || c.outside.lastYear
      ? []
      : [
          {
            via: `${via} (förra året)`,
            kpi: c.kpi,
            unit: o.unit,
            months: monthsOfValue(c.change.lastYear),
            gender: 'T' as const,
            value: c.change.lastYear.value,
            form: { kind: 'value' as const },
          },
        ]),
    ...(c.change.absolute === null
      ? []
      : [
          {
            via: `${via} (förändring)`,
            kpi: c.kpi,
            unit: o.unit,
            months: monthsOfValue(c),
            gender: 'T' as const,
            value: c.change.absolute,
            form: { kind: 'change' as const, lastYear: monthsOfValue(c.change.lastYear) },
          },
        ]),
    ...c.sparkline.flatMap((v, i): Shown[] => {
      const m = sparkMonths[i];
      // A month without a value is hidden or has no data (the attacker's target list drops the latter), or outside the caller's units (never computed).
      return m && !c.outside.sparkline[i] ? [{ via: `${via} (sparkline ${m})`, kpi: c.kpi, unit: o.unit, months: [m], gender: 'T', value: v, form: { kind: 'value' } }] : [];
    }),
    ...(c.forecast.value !== null && LINEAR_FORECASTS.includes(c.forecast.method)
      ? [
          {
            via: `${via} (prognos ${c.forecast.method})`,
            kpi: c.kpi,
            unit: o.unit,
            months: [],
            gender: 'T' as const,
            value: c.forecast.value,
            form: { kind: 'forecast' as const, asOf: c.forecast.asOf },
          },
        ]
      : []),
  ]);
}

export function drilldownShown(via: string, d: DrilldownAnswer, ageBand?: string): Shown[] {
  return [...figureShown(via, d.parent, ageBand), ...d.children.flatMap((c) => figureShown(via, c, ageBand))];
}

/** Every period kind the product offers, over the data's range and a year around it. */
function periodsOver(start: Month, end: Month, rand: () => number): string[] {
  const months = monthRange(start, addMonths(end, 1));
  const years = [...new Set(months.map(yearOf))];
  const out = new Set<string>();
  for (const m of months) {
    out.add(m);
    out.add(`${m}-YTD`);
    out.add(`${m}-R12`);
  }
  for (const y of years) {
    out.add(String(y));
    out.add(`${y}-D`);
    for (const t of [1, 2, 3] as const) out.add(periodKey(tertial(y, t)));
  }
  // Custom ranges: a few random ones, and every pair of neighbouring months.
  for (let i = 0; i < months.length; i++) {
    const a = months[i];
    const b = months[Math.min(months.length - 1, i + 1 + Math.floor(rand() * 5))];
    if (a && b && a !== b) out.add(`${a}:${b}`);
  }
  return [...out];
}

function shuffled<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

/**
 * Asks every read procedure a caller may use, over every unit, KPI, grain,
 * split, gender and period kind, and keeps every number it is shown. Refused
 * calls (a unit outside the caller's scope) are counted and skipped.
 */
export async function harvest(api: Caller, plan: HarvestPlan): Promise<Harvest> {
  const shown: Shown[] = [];
  const years = [...new Set(monthRange(plan.start, plan.end).map(yearOf))];
  const ranges: [Month, Month][] = [[plan.start, plan.end], ...years.map((y): [Month, Month] => [makeMonth(y, 1), makeMonth(y, 12)])];
  const periods = periodsOver(plan.start, plan.end, plan.rand);
  type Call = () => Promise<void>;
  // Series first (a whole range per call), then overview and drill-down across every period kind.
  const series: Call[] = [];
  const views: Call[] = [];
  for (const unit of plan.units) {
    for (const kpi of plan.kpis) {
      const bands = plan.bands.get(kpi) ?? [];
      for (const grain of ['month', 'tertial', 'year'] as const) {
        const splits = [
          ...(plan.parents.includes(unit) ? (['none', 'gender', 'unit'] as const) : (['none', 'gender'] as const)),
          ...(bands.length > 0 ? (['ageBand'] as const) : []),
        ];
        for (const split of splits) {
          // A band asked alone too: by gender or by child unit, beside the total's.
          for (const ageBand of split === 'ageBand' ? [undefined] : [undefined, ...bands]) {
            for (const [start, end] of ranges) {
              series.push(async () => {
                const via = `series.get ${kpi} ${unit} ${start}:${end} ${grain} ${split}${ageBand ? ` ${ageBand}` : ''}`;
                shown.push(...seriesShown(via, await api.series.get({ kpi, unit, start, end, grain, split, ageBand }), ageBand));
              });
            }
          }
        }
      }
    }
    for (const period of periods) {
      views.push(async () => {
        shown.push(...overviewShown(`overview.get ${unit} ${period}`, await api.overview.get({ unit, period })));
      });
      if (!plan.parents.includes(unit)) continue;
      for (const kpi of plan.kpis) {
        for (const gender of ['T', 'K', 'M'] as const) {
          for (const ageBand of [undefined, ...(plan.bands.get(kpi) ?? [])]) {
            views.push(async () => {
              const via = `drilldown.get ${kpi} ${unit} ${period} ${gender}${ageBand ? ` ${ageBand}` : ''}`;
              shown.push(...drilldownShown(via, await api.drilldown.get({ kpi, unit, period, gender, ageBand }), ageBand));
            });
          }
        }
      }
    }
  }
  const calls = shuffled([...series, ...views], plan.rand).slice(0, plan.maxCalls);
  return { shown, calls: calls.length, refused: await runCalls(calls) };
}

/** Makes the calls in order; returns how many were refused. */
async function runCalls(calls: readonly (() => Promise<void>)[]): Promise<number> {
  let refused = 0;
  for (const call of calls) {
    try {
      await call();
    } catch (err) {
      // A refusal is an answer too (the unit is outside the scope, or the period is not offered); anything else is a bug.
      if (err instanceof TRPCError && ['FORBIDDEN', 'BAD_REQUEST', 'NOT_FOUND'].includes(err.code)) refused++;
      else throw err;
    }
  }
  return refused;
}

/**
 * A wall screen is held to exactly the requests its board's slides make
 * (wallRequests, the server's allowlist): asking it anything else is only
 * refused. So it is attacked with those: its board and latest month from
 * board.forDevice, then every slide's requests as the wall makes them.
 */
export async function harvestScreen(api: Caller): Promise<Harvest> {
  const shown: Shown[] = [];
  const { board, latestMonth, today } = await api.board.forDevice();
  const calls = board.slides.flatMap((s) =>
    wallRequests(s, { latestMonth, today }).map((r) => async (): Promise<void> => {
      const via = `väggskärm ${r.path} ${JSON.stringify(r.input)}`;
      if (r.path === 'overview.get') shown.push(...overviewShown(via, await api.overview.get(r.input)));
      else if (r.path === 'series.get') shown.push(...seriesShown(via, await api.series.get(r.input)));
      else if (r.path === 'drilldown.get') shown.push(...drilldownShown(via, await api.drilldown.get(r.input)));
      // unit.tree shows no figures (the tree is public).
      else await api.unit.tree(r.input);
    }),
  );
  return { shown, calls: calls.length, refused: await runCalls(calls) };
}
