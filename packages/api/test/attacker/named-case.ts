import { loadCells, type Db } from '@lagesbild/db';
import type { Gender, Month } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import { loadEngineContext } from '../../src/engine/engine-context.js';
import { attack, targetOf, type Target } from './attack.js';
import { describeFinding } from './attack-org.js';
import type { Audience } from './audiences.js';
import { CellSpace, type WeightLink } from './cell-space.js';
import type { Caller } from './harvest.js';
import type { Shown } from './statements.js';

/**
 * One of issue 15's attacks, reproduced as ordinary calls: what the caller
 * asks, which figure the answers are meant to give away, and the arithmetic
 * the issue used (shown in the failure message). The verdict is the linear
 * program's over everything the answers said, not the arithmetic's: a
 * release may show the same figures perturbed or rounded, and the attack must
 * then leave the figure open.
 */
export interface NamedAttack {
  kpis: readonly string[];
  links?: readonly WeightLink[];
  start: Month;
  end: Month;
  target: { kpi: string; unit: string; months: readonly Month[]; gender: Gender };
  /** The calls; a refused one (outside the audience's scope) tells nothing and is skipped. */
  ask: (api: Caller, call: <T>(f: () => Promise<T>) => Promise<T | null>) => Promise<Shown[]>;
  /** The arithmetic over the answers; null when a part of it was hidden. */
  recover: (shown: readonly Shown[]) => number | null;
}

export interface NamedVerdict {
  audience: string;
  truth: number;
  recovered: number | null;
  /** Failure lines: the figure narrowed below its protection. */
  pinned: string[];
}

async function refusedIsNull<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'FORBIDDEN') return null;
    throw err;
  }
}

/** The target as the attacker's unknowns see it, over the cells of the case's KPIs and months (the truth, for the verdict). */
async function caseSpace(db: Db, orgId: string, c: NamedAttack): Promise<{ space: CellSpace; target: Target }> {
  const engine = await loadEngineContext(db, orgId);
  const cells = await loadCells(db, { orgId, kpiIds: [...c.kpis], start: c.start, end: c.end });
  const space = new CellSpace(engine.tree, engine.kpis, cells, c.links ?? []);
  const target = targetOf(space, 'primary', c.target.kpi, c.target.unit, c.target.months, c.target.gender);
  if (!target) throw new Error(`the case's figure ${c.target.kpi} ${c.target.unit} has no cells`);
  return { space, target };
}

export async function runNamedAttack(db: Db, orgId: string, c: NamedAttack, audiences: readonly Audience[]): Promise<NamedVerdict[]> {
  const { space, target } = await caseSpace(db, orgId, c);
  const out: NamedVerdict[] = [];
  for (const a of audiences) {
    // Only the case's KPIs are modelled; the other cards on an overview say nothing about them.
    const shown = (await c.ask(a.api, refusedIsNull)).filter((s) => c.kpis.includes(s.kpi));
    const report = await attack(space, shown, [target]);
    out.push({ audience: a.name, truth: target.truth, recovered: c.recover(shown), pinned: report.pinned.map((f) => describeFinding(a.name, f)) });
  }
  return out;
}

/** The first shown value matching, or null. */
export function valueOf(shown: readonly Shown[], match: Partial<Pick<Shown, 'kpi' | 'unit' | 'gender'>> & { months?: readonly Month[]; via?: string }): number | null {
  const same = (a: readonly Month[], b: readonly Month[]) => a.length === b.length && a.every((m, i) => m === b[i]);
  const s = shown.find(
    (x) =>
      x.form.kind === 'value' &&
      (match.kpi === undefined || x.kpi === match.kpi) &&
      (match.unit === undefined || x.unit === match.unit) &&
      (match.gender === undefined || x.gender === match.gender) &&
      (match.months === undefined || same(x.months, match.months)) &&
      (match.via === undefined || x.via.includes(match.via)) &&
      x.value !== null,
  );
  return s?.value ?? null;
}

/** a − b − c …, or null when any part is hidden. */
export function difference(first: number | null, ...rest: (number | null)[]): number | null {
  if (first === null || rest.some((x) => x === null)) return null;
  return rest.reduce<number>((acc, x) => acc - (x ?? 0), first);
}
