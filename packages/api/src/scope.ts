import type { UnitTree } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import type { Scope } from './context.js';

/** Default deny: a unit outside the caller's scope is refused, whether or not it exists. */
export function assertUnitInScope(scope: Scope, tree: UnitTree, unit: string, month: string): void {
  if (scope.kind === 'all') return;
  if (scope.units.some((root) => tree.isWithin(unit, root, month))) return;
  throw new TRPCError({ code: 'FORBIDDEN', message: `Du har inte behörighet till enheten "${unit}".` });
}

/** The unit a view opens on when none is asked for: the top of the tree, or the caller's first own unit. */
export function defaultUnit(scope: Scope, tree: UnitTree, month: string): string {
  if (scope.kind === 'units') {
    const own = scope.units.find((u) => tree.exists(u, month)) ?? scope.units[0];
    if (!own) throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inga enheter tilldelade. Be en administratör om behörighet.' });
    return own;
  }
  const root = tree.all().find((u) => tree.exists(u.code, month) && tree.parentAt(u.code, month) === null);
  if (!root) throw new TRPCError({ code: 'NOT_FOUND', message: 'Organisationen har inga enheter ännu.' });
  return root.code;
}
