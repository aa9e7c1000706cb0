import { monthsOf } from '@lagesbild/domain';
import { z } from 'zod';
import type { ScopeGuard } from '../access/scope.js';
import { goalInScope } from '../access/goal-access.js';
import type { Db } from '@lagesbild/db';
import { followUpPeriod } from '../services/goals.js';
import type { FollowUpScope } from '../services/follow-ups.js';

/** What every follow-up procedure names: the unit and the follow-up period (tertial, delår, year) it is worked in. */
export const followUpInput = z.object({ unit: z.string().min(1).max(64), period: z.string().min(1).max(32) });
/** Free text of a follow-up; the service counts characters after normalising, this stops absurd payloads early. */
export const followUpText = z.string().max(8000);

/**
 * Checks the unit for every month of the period (and a goal named, that it is
 * the caller's too) and gives the service its scope.
 */
export async function followUpScope(ctx: { db: Db; orgId: string; guard: ScopeGuard }, input: { unit: string; period: string; goalId?: number | null }): Promise<FollowUpScope> {
  const period = followUpPeriod(input.period);
  ctx.guard.assertUnitForMonths(input.unit, monthsOf(period));
  if (input.goalId !== undefined && input.goalId !== null) await goalInScope(ctx.db, ctx.orgId, ctx.guard, input.goalId, period);
  return { unit: input.unit, period, access: ctx.guard };
}
