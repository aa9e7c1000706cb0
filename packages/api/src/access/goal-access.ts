import type { Db, GoalRecord } from '@lagesbild/db';
import { monthsOf, type Period } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import { goalOrThrow } from '../services/goals.js';
import type { ScopeGuard } from './scope.js';

/**
 * The goal a procedure was asked for, when its unit is the caller's in every
 * month of the period. A scoped caller gets the same refusal for a goal that
 * does not exist as for one of another unit, so ids tell her nothing.
 */
export async function goalInScope(db: Db, orgId: string, guard: ScopeGuard, id: number, p: Period): Promise<GoalRecord> {
  if (guard.roots === null) {
    const goal = await goalOrThrow(db, orgId, id);
    guard.assertUnitForMonths(goal.unit, monthsOf(p));
    return goal;
  }
  const goal = await goalOrThrow(db, orgId, id).catch(() => null);
  if (!goal || !guard.allowsPeriod(goal.unit, p)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Målet ${id} finns inte bland dina enheters mål för perioden. Välj ett mål i din enhets lista, eller be en administratör om behörighet.`,
    });
  }
  guard.assertUnitForMonths(goal.unit, monthsOf(p));
  return goal;
}
