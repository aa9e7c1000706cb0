import { monthOfDate, wallRequestKey, wallRequests, type Permission, type WallRequest } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { Context } from '../context.js';
import { scopeGuard, type ScopeGuard } from './scope.js';
import { getBoard } from '../services/boards.js';
import { loadEngineContext, type EngineContext } from '../engine/engine-context.js';
import { scopedUse, type ScopedUse } from './scoped-use.js';
import { procedureFor, readProcedure, SCREEN_REFUSED } from '../trpc.js';

/** What a unit-scoped procedure's handler gets besides the request context. */
interface ScopedContext {
  engine: EngineContext;
  /** Checks units month by month: the asked one (refused) and every value computed (left out when not the caller's). */
  guard: ScopeGuard;
  /** The caller's latest month and KPIs, computed within her scope (once per request, when asked for). */
  inScope: () => Promise<ScopedUse>;
  /** For a wall screen, the KPIs its slides show (a chart's or drill-down's, and every one of an overview's); null for everyone else. */
  boardKpis: () => Promise<ReadonlySet<string> | null>;
}

export interface UnitProcedureOptions<S extends z.ZodType> {
  input: S;
  /** A permission beyond reading (comment, target); wall screens hold none. */
  permission?: Permission;
  /**
   * 'unit': the input names a unit (or the handler picks the default one),
   * and the handler must check it with the guard before answering; 'none': it
   * lists the caller's own units (the tree) and needs no asked unit.
   */
  asks: 'unit' | 'none';
  /**
   * The wall-screen request this input is, checked against the screen's
   * allowlist; 'any': every screen may call it (it answers within the
   * screen's own units, like the KPI catalogue); omitted: no screen may.
   */
  screen?: ((input: z.output<S>) => WallRequest | null) | 'any';
}

/** Every request a screen's board shows right now: its slides with their period rules resolved against its latest month and today. */
async function screenAllowlist(ctx: Context, boardId: number, inScope: () => Promise<ScopedUse>): Promise<Set<string>> {
  const [board, use] = await Promise.all([getBoard(ctx.db, ctx.orgId, boardId), inScope()]);
  const at = { latestMonth: use.latestMonth, today: monthOfDate(ctx.now()) };
  return new Set(board.slides.flatMap((s) => wallRequests(s, at)).map(wallRequestKey));
}

async function screenKpis(ctx: Context, boardId: number, inScope: () => Promise<ScopedUse>): Promise<Set<string>> {
  const board = await getBoard(ctx.db, ctx.orgId, boardId);
  const overview = board.slides.some((s) => s.kind === 'overview' || s.kind === 'redlist');
  return new Set([...board.slides.flatMap((s) => (s.kpi ? [s.kpi] : [])), ...(overview ? (await inScope()).kpis.map((k) => k.id) : [])]);
}

/**
 * The one way to build a procedure that reads or writes a unit's data. It
 * loads the unit tree, gives the handler a scope guard that checks units in
 * every month, holds a wall screen to exactly the requests its board shows,
 * and refuses to answer when the handler did not check the unit it was asked.
 */
export function unitProcedure<S extends z.ZodType>(opts: UnitProcedureOptions<S>) {
  const base = opts.permission ? procedureFor(opts.permission) : readProcedure;
  return base
    .meta({ units: 'guarded', screen: opts.screen !== undefined })
    .input(opts.input)
    .use(async ({ ctx, input, next }) => {
      const engine = await loadEngineContext(ctx.db, ctx.orgId);
      const guard = scopeGuard(ctx.scope, engine.tree);
      let use: Promise<ScopedUse> | null = null;
      const inScope = () => (use ??= scopedUse(ctx.db, engine, guard));
      if (ctx.device && opts.screen !== 'any') {
        const request = opts.screen?.(input as z.output<S>);
        if (!request || !(await screenAllowlist(ctx, ctx.device.boardId, inScope)).has(wallRequestKey(request))) {
          throw new TRPCError({ code: 'FORBIDDEN', message: SCREEN_REFUSED });
        }
      }
      const device = ctx.device;
      const boardKpis = async () => (device ? screenKpis(ctx, device.boardId, inScope) : null);
      const scoped: ScopedContext = { engine, guard, inScope, boardKpis };
      const result = await next({ ctx: scoped });
      if (result.ok && opts.asks === 'unit' && !guard.checked) throw new Error('A unit procedure answered without checking the unit it was asked for (guard.assertUnitForMonths).');
      return result;
    });
}
