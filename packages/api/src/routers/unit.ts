import { isMonth } from '@lagesbild/domain';
import { z } from 'zod';
import { loadEngineContext } from '../services/index.js';
import { listUnitTree } from '../services/unit-tree.js';
import { router, readProcedure } from '../trpc.js';

export const unitRouter = router({
  /** The unit tree as it was in a month. */
  tree: readProcedure
    .input(z.object({ month: z.string().refine(isMonth, 'Månad ska skrivas ÅÅÅÅ-MM') }))
    .query(async ({ ctx, input }) => listUnitTree(await loadEngineContext(ctx.db, ctx.orgId), input.month, ctx.scope)),
});
