import type { Db } from '@lagesbild/db';
import { can } from '@lagesbild/domain';
import { z } from 'zod';
import { actorOf } from '../context.js';
import type { ScopeGuard } from '../access/scope.js';
import type { ScopedUse } from '../access/scoped-use.js';
import { unitProcedure } from '../access/unit-procedure.js';
import type { EngineContext } from '../engine/engine-context.js';
import { followUpInput as which, followUpScope } from './follow-up-input.js';
import { faststallReport, getReport, reportFile, REPORT_SUMMARY_MAX_LENGTH, saveSummary, type ReportScope } from '../services/reports.js';
import { router } from '../trpc.js';

/** The report's scope: a follow-up period, the unit the caller's in every month of it, her own latest month and KPIs. */
async function scopeOf(ctx: { db: Db; orgId: string; guard: ScopeGuard; engine: EngineContext; inScope: () => Promise<ScopedUse> }, input: z.output<typeof which>) {
  const { unit, period, access } = await followUpScope(ctx, input);
  const use = await ctx.inScope();
  const scope: ReportScope = { unit, period, access, latest: use.latestMonth };
  return { scope, engine: { ...ctx.engine, orgKpis: use.kpis } };
}

/** The nämnd's tertial- or delårsrapport; no wall screen reads it. */
export const reportRouter = router({
  /** Today's report, or a fastställd version with what has changed since. */
  get: unitProcedure({ input: which.extend({ version: z.number().int().positive().optional() }), asks: 'unit' }).query(async ({ ctx, input }) => {
    const { scope, engine } = await scopeOf(ctx, input);
    const bundle = await getReport(ctx.db, engine, scope, input.version ?? null, new Date());
    return { ...bundle, canEdit: ctx.user !== null && can(ctx.user.roles, 'assess') };
  }),
  /** The sammantagen bedömning of the draft. */
  saveSummary: unitProcedure({ input: which.extend({ summary: z.string().max(REPORT_SUMMARY_MAX_LENGTH * 4) }), permission: 'assess', asks: 'unit' }).mutation(
    async ({ ctx, input }) => {
      const { scope, engine } = await scopeOf(ctx, input);
      await saveSummary(ctx.db, engine, scope, input.summary, actorOf(ctx));
    },
  ),
  /** Freezes today's report as the next version. */
  faststall: unitProcedure({ input: which, permission: 'assess', asks: 'unit' }).mutation(async ({ ctx, input }) => {
    const { scope, engine } = await scopeOf(ctx, input);
    return faststallReport(ctx.db, engine, scope, actorOf(ctx), new Date());
  }),
  /** The report (today's or a fastställd version) as a PDF or Word file, base64-encoded. */
  file: unitProcedure({ input: which.extend({ version: z.number().int().positive().optional(), format: z.enum(['pdf', 'docx']).default('pdf') }), asks: 'unit' }).query(
    async ({ ctx, input }) => {
      const { scope, engine } = await scopeOf(ctx, input);
      return reportFile(ctx.db, engine, scope, { version: input.version ?? null, format: input.format }, new Date());
    },
  ),
});
