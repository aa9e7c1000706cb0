import { monthRange, monthsOf, type Month, type Period, type UnitTree } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import type { Scope } from '../context.js';

/**
 * What a value may be computed from, month by month. A scoped caller (an
 * enhetschef, a wall screen) may receive a unit's value over a period only if
 * the unit lay within one of her roots in EVERY month of it: then the unit's
 * whole subtree in each of those months is hers too, and nothing outside her
 * scope can have gone into the figure. Services take this, not the scope.
 */
export interface UnitAccess {
  /** Whether `unit` lies within one of the caller's roots in month m (always, for a caller who reads everything). */
  allows(unit: string, m: Month): boolean;
  /** Whether `unit` is the caller's in every month of the period: its value over the period may be computed. */
  allowsPeriod(unit: string, p: Period): boolean;
  /** The first month from which `unit` stays the caller's up to `end` (null: not even in `end`); for the forecast's basis. */
  allowedSince(unit: string, end: Month, earliest: Month): Month | null;
}

/** The guard a unit-scoped procedure gets (see unit-procedure.ts). */
export interface ScopeGuard extends UnitAccess {
  /** The caller's roots, or null when she reads every unit. */
  readonly roots: readonly string[] | null;
  /** Refuses (FORBIDDEN, in Swedish, naming the unit and months) unless the unit is the caller's in every month given. */
  assertUnitForMonths(unit: string, months: readonly Month[]): void;
  /** Refuses unless the unit is the caller's in at least one of the months (a series: the other points are marked outside). */
  assertUnitInSomeMonth(unit: string, months: readonly Month[]): void;
  /** Whether the procedure checked the unit it was asked for: unitProcedure refuses to answer otherwise. */
  readonly checked: boolean;
  /** The unit a view opens on when none is asked for: the top of the tree, or the caller's first own unit. */
  defaultUnit(m: Month): string;
}

/** "2020-01–2020-05, 2021-03": months as runs, for messages. */
function describeMonths(months: readonly Month[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: [Month, Month][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && monthRange(last[1], m).length === 2) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(', ');
}

function forbidden(unit: string, months: readonly Month[]): TRPCError {
  return new TRPCError({
    code: 'FORBIDDEN',
    message: `Du har inte behörighet till enheten "${unit}" för ${describeMonths(months)}: den hörde då inte till dina enheter. Välj en period då den gjorde det, eller be en administratör om behörighet.`,
  });
}

/** Default deny: a unit outside the caller's scope is refused, whether or not it exists. */
export function scopeGuard(scope: Scope, tree: UnitTree): ScopeGuard {
  const roots = scope.kind === 'all' ? null : [...scope.units];
  let checked = false;
  const allows = (unit: string, m: Month) => roots === null || roots.some((r) => tree.isWithin(unit, r, m));
  const denied = (unit: string, months: readonly Month[]) => months.filter((m) => !allows(unit, m));
  return {
    roots,
    allows,
    allowsPeriod: (unit, p) => roots === null || monthsOf(p).every((m) => allows(unit, m)),
    allowedSince(unit, end, earliest) {
      if (!allows(unit, end)) return null;
      let since = end;
      for (const m of monthRange(earliest, end).reverse()) {
        if (!allows(unit, m)) break;
        since = m;
      }
      return since;
    },
    assertUnitForMonths(unit, months) {
      const out = denied(unit, months);
      if (out.length > 0) throw forbidden(unit, out);
      checked = true;
    },
    assertUnitInSomeMonth(unit, months) {
      const out = denied(unit, months);
      if (out.length === months.length) throw forbidden(unit, out);
      checked = true;
    },
    get checked() {
      return checked;
    },
    defaultUnit(m) {
      if (roots !== null) {
        const own = roots.find((u) => tree.exists(u, m)) ?? roots[0];
        if (!own) throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inga enheter tilldelade. Be en administratör om behörighet.' });
        return own;
      }
      const root = tree.all().find((u) => tree.exists(u.code, m) && tree.parentAt(u.code, m) === null);
      if (!root) throw new TRPCError({ code: 'NOT_FOUND', message: 'Organisationen har inga enheter ännu.' });
      return root.code;
    },
  };
}

/**
 * A unit's name as the caller knew it: at the last of `months` the unit was
 * hers, so a name it got after moving out of her units (or before moving in)
 * is never shown. Falls back to the last month for a caller who reads all.
 */
export function nameWhileAllowed(tree: UnitTree, access: UnitAccess, unit: string, months: readonly Month[]): string {
  const hers = [...months].reverse().find((m) => tree.exists(unit, m) && access.allows(unit, m));
  const at = hers ?? months[months.length - 1];
  return at ? tree.nameAt(unit, at) : unit;
}

/** For in-process callers that read everything (the CLI's query). */
export const ALL_UNITS: UnitAccess = { allows: () => true, allowsPeriod: () => true, allowedSince: (_u, _end, earliest) => earliest };
