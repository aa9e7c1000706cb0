import type { UnitTree } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import type { Scope } from './context.js';

/** Default deny: a unit outside the caller's scope is refused, whether or not it exists. */
export function assertUnitInScope(scope: Scope, tree: UnitTree, unit: string, month: string): void {
  if (scope.kind === 'all') return;
  if (scope.units.some((root) => tree.isWithin(unit, root, month))) return;
  throw new TRPCError({ code: 'FORBIDDEN', message: `Du har inte behörighet till enheten "${unit}".` });
}
