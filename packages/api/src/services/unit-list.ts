import type { Month } from '@lagesbild/domain';
import type { Scope } from '../context.js';
import type { EngineContext } from '../engine/engine-context.js';

export interface UnitListItem {
  code: string;
  name: string;
  kind: 'forvaltning' | 'avdelning' | 'enhet';
  parent: string | null;
  depth: number;
}

/** The tree as it was in month m, depth-first from the roots, limited to the caller's scope. */
export function listUnitTree(ctx: EngineContext, m: Month, scope: Scope): UnitListItem[] {
  const { tree } = ctx;
  const roots =
    scope.kind === 'all'
      ? tree
          .all()
          .filter((u) => tree.exists(u.code, m) && tree.parentAt(u.code, m) === null)
          .map((u) => u.code)
      : // A root inside another of hers is listed once, under it.
        scope.units.filter((u) => tree.exists(u, m) && !scope.units.some((r) => r !== u && tree.isWithin(u, r, m)));
  const out: UnitListItem[] = [];
  const visit = (code: string, depth: number) => {
    const node = tree.get(code);
    if (!node) return;
    // A scoped caller's roots hang from nothing she may see: their parent is not named.
    out.push({ code, name: tree.nameAt(code, m), kind: node.kind, parent: depth === 0 && scope.kind === 'units' ? null : tree.parentAt(code, m), depth });
    for (const child of tree.childrenAt(code, m)) visit(child, depth + 1);
  };
  for (const r of roots.sort()) visit(r, 0);
  return out;
}
