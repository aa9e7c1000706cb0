import { isMonth, monthRange, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { buildSeries } from '../services/series.js';
import { router } from '../trpc.js';

const month = z.string().refine(isMonth, 'Månad ska skrivas ÅÅÅÅ-MM');

export const seriesRouter = router({
  /** A KPI over a range at month/tertial/year grain, optionally split by gender, child unit or age band, or for one age band. */
  get: unitProcedure({
    input: z.object({
      kpi: z.string().min(1).max(64),
      unit: z.string().min(1).max(64),
      start: month,
      end: month,
      grain: z.enum(['month', 'tertial', 'year']).default('month'),
      split: z.enum(['none', 'gender', 'unit', 'ageBand']).default('none'),
      /** One of the KPI's age bands ("18-24") for every line; absent for the total. */
      ageBand: z.string().max(16).optional(),
    }),
    asks: 'unit',
    // A chart slide asks months, unsplit: any other grain or split is not on a board.
    screen: (i) =>
      i.grain === 'month' && i.split === 'none' && !i.ageBand
        ? { path: 'series.get', input: { kpi: i.kpi, unit: i.unit, start: i.start, end: i.end, grain: 'month', split: 'none' } }
        : null,
  }).query(({ ctx, input }) => {
    // Refuses an end before the start, with the period parser's Swedish message.
    parsePeriod(`${input.start}:${input.end}`);
    // A range reaching beyond her time with the unit is answered, its points there marked outside.
    ctx.guard.assertUnitInSomeMonth(input.unit, monthRange(input.start, input.end));
    return buildSeries(ctx.db, ctx.engine, { ...input, suppress: ctx.suppress, access: ctx.guard });
  }),
});
