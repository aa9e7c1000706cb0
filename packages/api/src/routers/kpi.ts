import { listKpis } from '@lagesbild/db';
import { individualsBasis } from '@lagesbild/domain';
import { z } from 'zod';
import { unitProcedure } from '../access/unit-procedure.js';
import { router } from '../trpc.js';

export const kpiRouter = router({
  /**
   * The shared catalogue; inUse marks the KPIs the caller has data or
   * targets for: the organisation's, or for a scoped caller (a wall screen
   * too) only what her units hold in the months they are hers. A wall
   * screen gets only the KPIs its slides show.
   */
  list: unitProcedure({ input: z.void(), asks: 'none', screen: 'any' }).query(async ({ ctx }) => {
    const [kpis, use, shown] = await Promise.all([listKpis(ctx.db), ctx.inScope(), ctx.boardKpis()]);
    const used = new Set(use.kpis.map((k) => k.id));
    const catalogue = new Map(kpis.map((k) => [k.id, k]));
    // How the KPI's individuals are counted for suppression (docs/privacy.md), worded by the dashboard.
    return kpis.filter((k) => shown === null || shown.has(k.id)).map((k) => ({ ...k, inUse: used.has(k.id), individuals: individualsBasis(k, catalogue) }));
  }),
});
