import { z } from 'zod';
import { actorOf } from '../context.js';
import { unitProcedure } from '../access/unit-procedure.js';
import { chooseKoladaComparison, importKoladaFile, koladaAdminView, koladaComparison, mapKoladaIndicator, mapKoladaKpi, unmapKoladaKpi } from '../services/kolada.js';
import { procedureFor, router } from '../trpc.js';

const kpi = z.string().min(1).max(64);
const municipality = z.string().min(1).max(16);

export const koladaRouter = router({
  /** Kolada's yearly figures beside a KPI of ours (public figures, no unit): own municipality, Riket, kommungrupp, chosen ones. */
  comparison: unitProcedure({ input: z.object({ kpi }), asks: 'none' }).query(({ ctx, input }) => koladaComparison(ctx.db, ctx.engine, input.kpi)),
  /** Which Kolada KPI one of ours compares with, and how the definitions differ; for importers. */
  map: procedureFor('import')
    .input(z.object({ kpi, koladaKpi: z.string().min(1).max(16), note: z.string().max(500).default('') }))
    .mutation(({ ctx, input }) => mapKoladaKpi(ctx.db, ctx.orgId, input, actorOf(ctx))),
  /** Which Kolada KPI a goal's hand-assessed indicator compares with (null: none); its Riket then comes from Kolada. */
  mapIndicator: procedureFor('import')
    .input(z.object({ indicatorId: z.number().int().positive(), koladaKpi: z.string().min(1).max(16).nullable() }))
    .mutation(({ ctx, input }) => mapKoladaIndicator(ctx.db, ctx.orgId, input, actorOf(ctx))),
  /** The admin page: mappings, comparison, and the Kolada KPIs and municipalities stored to choose from. */
  settings: procedureFor('import').query(({ ctx }) => koladaAdminView(ctx.db, ctx.orgId)),
  unmap: procedureFor('import')
    .input(z.object({ kpi }))
    .mutation(({ ctx, input }) => unmapKoladaKpi(ctx.db, ctx.orgId, input.kpi, actorOf(ctx))),
  /** Whom the organisation compares itself with. */
  choose: procedureFor('import')
    .input(z.object({ own: municipality, group: municipality.nullable().default(null), municipalities: z.array(municipality).max(20).default([]) }))
    .mutation(({ ctx, input }) => chooseKoladaComparison(ctx.db, ctx.orgId, input, actorOf(ctx))),
  /** A Kolada JSON file, for a server without internet (at most 5 MB of text). */
  importFile: procedureFor('import')
    .input(z.object({ name: z.string().min(1).max(200), text: z.string().max(5_000_000, 'Filen är större än 5 MB. Dela upp hämtningen per år eller nyckeltal.') }))
    .mutation(({ ctx, input }) => importKoladaFile(ctx.db, ctx.orgId, input, actorOf(ctx))),
});
