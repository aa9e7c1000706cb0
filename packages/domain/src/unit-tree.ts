import { addMonths, monthIndex, type Month } from './month.js';

/**
 * The unit tree as it was in a given month. Parent links and names carry
 * validity intervals [validFrom, validTo), so a value of March 2019 rolls up
 * along the tree as it was in March 2019.
 */
export interface UnitNode {
  code: string;
  name: string;
  kind: 'forvaltning' | 'avdelning' | 'enhet';
  validFrom: Month;
  validTo: Month | null;
  names: Interval<{ name: string }>[];
  parents: Interval<{ parentCode: string }>[];
}

export type Interval<T> = T & { validFrom: Month; validTo: Month | null };

export function validAt(i: { validFrom: Month; validTo: Month | null }, m: Month): boolean {
  const x = monthIndex(m);
  return monthIndex(i.validFrom) <= x && (i.validTo === null || x < monthIndex(i.validTo));
}

export class UnitTree {
  private readonly byCode = new Map<string, UnitNode>();

  constructor(units: readonly UnitNode[]) {
    for (const u of units) this.byCode.set(u.code, u);
  }

  get(code: string): UnitNode | undefined {
    return this.byCode.get(code);
  }

  all(): UnitNode[] {
    return [...this.byCode.values()];
  }

  exists(code: string, m: Month): boolean {
    const u = this.byCode.get(code);
    return u !== undefined && validAt(u, m);
  }

  /**
   * The newest month up to `m` that a unit can show: `m` for a unit open
   * then, a closed unit's last month (so "the latest month" of a closed unit
   * leads to its data, not to an empty page). An unknown unit keeps `m`.
   */
  lastMonthUpTo(code: string, m: Month): Month {
    const u = this.byCode.get(code);
    if (!u?.validTo || monthIndex(m) < monthIndex(u.validTo)) return m;
    return addMonths(u.validTo, -1);
  }

  nameAt(code: string, m: Month): string {
    const u = this.byCode.get(code);
    if (!u) return code;
    return u.names.find((n) => validAt(n, m))?.name ?? u.name;
  }

  parentAt(code: string, m: Month): string | null {
    return this.byCode.get(code)?.parents.find((p) => validAt(p, m))?.parentCode ?? null;
  }

  childrenAt(code: string, m: Month): string[] {
    const out: string[] = [];
    for (const u of this.byCode.values()) if (validAt(u, m) && this.parentAt(u.code, m) === code) out.push(u.code);
    return out.sort();
  }

  /** True when `code` is `ancestor` or lies below it in month m. */
  isWithin(code: string, ancestor: string, m: Month): boolean {
    let cur: string | null = code;
    for (let guard = 0; cur !== null && guard < 64; guard++) {
      if (cur === ancestor) return true;
      cur = this.parentAt(cur, m);
    }
    return false;
  }

  /** Every unit (leaf or not) at or below `code` in month m. */
  subtreeAt(code: string, m: Month): string[] {
    if (!this.exists(code, m)) return [];
    const out = [code];
    for (let i = 0; i < out.length; i++) {
      const cur = out[i];
      if (cur !== undefined) out.push(...this.childrenAt(cur, m));
    }
    return out;
  }

  /** Ancestors from the root down to `code` in month m (a breadcrumb). */
  pathAt(code: string, m: Month): string[] {
    const path: string[] = [];
    let cur: string | null = code;
    for (let guard = 0; cur !== null && guard < 64; guard++) {
      path.unshift(cur);
      cur = this.parentAt(cur, m);
    }
    return path;
  }
}
