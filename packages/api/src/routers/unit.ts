import { isMonth } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { listUnitTree } from '../services/unit-list.js';
import { router } from '../trpc.js';

export const unitRouter = router({
  /** The unit tree as it was in a month: for a scoped caller, her units' subtrees that month. */
  tree: unitProcedure({
    input: z.object({ month: z.string().refine(isMonth, 'Månad ska skrivas ÅÅÅÅ-MM') }),
    asks: 'none',
    screen: (i) => ({ path: 'unit.tree', input: { month: i.month } }),
  }).query(({ ctx, input }) => listUnitTree(ctx.engine, input.month, ctx.scope)),
});
