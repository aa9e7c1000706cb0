import { monthsOf } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { periodOrLatest } from '../services/overview.js';
import { readOverview } from '../services/overview-reader.js';
import { router } from '../trpc.js';

export const overviewRouter = router({
  get: unitProcedure({
    input: z.object({
      unit: z.string().min(1).max(64).optional(),
      period: z.string().max(32).optional(),
      /** "The latest month": a KPI not yet reported for it is shown at its own newest month (wall screens, the default overview). */
      eachAtLatest: z.boolean().default(false),
      /** Only this KPI's card (the KPI view's summary): the same card as in the whole overview, without computing the other 150. */
      kpi: z.string().min(1).max(64).optional(),
    }),
    asks: 'unit',
    screen: (i) => (i.unit && i.period ? { path: 'overview.get', input: { unit: i.unit, period: i.period, ...(i.eachAtLatest ? { eachAtLatest: true } : {}) } } : null),
  }).query(async ({ ctx, input }) => {
    // Her latest month and KPIs: an import on another enhet moves neither her default period nor her cards.
    const use = await ctx.inScope();
    // A closed unit's latest month is its last one, so its default period and "Visa senaste" lead to its data.
    const latestOfUnit = input.unit && use.latestMonth ? ctx.engine.tree.lastMonthUpTo(input.unit, use.latestMonth) : use.latestMonth;
    const { period, latest } = periodOrLatest(input.period, latestOfUnit);
    const unit = input.unit ?? ctx.guard.defaultUnit(period.end);
    ctx.guard.assertUnitForMonths(unit, monthsOf(period));
    // Only for her own latest month: an older month asked for is shown as it was.
    const atLatest = input.eachAtLatest && period.kind === 'month' && period.end === latest ? await use.latestByKpi() : undefined;
    // Comments are people's words on the figures: for people, as comment.list; a wall screen gets none.
    return readOverview(
      ctx.db,
      { ...ctx.engine, orgKpis: input.kpi === undefined ? use.kpis : use.kpis.filter((k) => k.id === input.kpi) },
      { unit, period, latest, suppress: ctx.suppress, access: ctx.guard, latestByKpi: atLatest, comments: ctx.device === null },
    );
  }),
});
