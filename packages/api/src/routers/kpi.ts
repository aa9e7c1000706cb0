import { listKpis, organisationKpiIds } from '@lagesbild/db';
import { router, readProcedure } from '../trpc.js';

export const kpiRouter = router({
  /** The shared catalogue; inUse marks the KPIs the caller's organisation has data or targets for. */
  list: readProcedure.query(async ({ ctx }) => {
    const kpis = await listKpis(ctx.db);
    const used = await organisationKpiIds(ctx.db, ctx.orgId, kpis);
    return kpis.map((k) => ({ ...k, inUse: used.has(k.id) }));
  }),
});
