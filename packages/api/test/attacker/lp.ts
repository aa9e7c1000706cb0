import loadHighs, { type Highs } from 'highs';
import type { Terms } from './cell-space.js';
import type { Row } from './statements.js';

let loaded: Promise<Highs> | null = null;
const highs = () => (loaded ??= loadHighs());

class InfeasibleError extends Error {}

/**
 * The attacker's linear program: every unknown ≥ 0, every row of what was
 * shown, and an objective changed per question (the min and the max of one
 * hidden figure), so HiGHS re-solves from the last basis instead of starting
 * over. HiGHS (WebAssembly) is exact enough at these sizes and fast at
 * re-solving; one model per independent group of KPIs keeps it small.
 */
export class AttackLp {
  private lastCost: number[] = [];
  private readonly used: Set<number>;

  private constructor(
    private readonly h: Highs,
    private readonly model: ReturnType<Highs['createModel']>,
    private readonly col: Map<number, number>,
    used: Set<number>,
    private readonly added: readonly Row[],
  ) {
    this.used = used;
  }

  /** vars: the unknowns (by their index in the cell space) this program is over. */
  static async build(vars: readonly number[], rows: readonly Row[]): Promise<AttackLp> {
    const h = await highs();
    const model = h.createModel();
    model.options.set({ output_flag: false, presolve: 'off' });
    const col = new Map(vars.map((v, i) => [v, i]));
    model.addVars(new Float64Array(vars.length), new Float64Array(vars.length).fill(h.infinity));
    const used = new Set<number>();
    const added: Row[] = [];
    for (const r of rows) {
      const entries = [...r.terms].flatMap(([v, c]) => {
        const j = col.get(v);
        return j === undefined || Math.abs(c) < 1e-15 ? [] : [[j, c] as const];
      });
      if (entries.length === 0) continue;
      entries.sort((a, b) => a[0] - b[0]);
      for (const [j] of entries) used.add(j);
      added.push(r);
      model.addRow(Number.isFinite(r.lo) ? r.lo : -h.infinity, Number.isFinite(r.hi) ? r.hi : h.infinity, {
        indices: Int32Array.from(entries.map((e) => e[0])),
        values: Float64Array.from(entries.map((e) => e[1])),
      });
    }
    return new AttackLp(h, model, col, used, added);
  }

  /** Whether any row mentions one of these unknowns (if none does, the figure is free above). */
  constrains(terms: Terms): boolean {
    for (const v of terms.keys()) {
      const j = this.col.get(v);
      if (j !== undefined && this.used.has(j)) return true;
    }
    return false;
  }

  /** The least or greatest value of Σ coef·x over everything shown; ±Infinity when unbounded. */
  optimise(terms: Terms, sense: 'min' | 'max'): number {
    // Always minimise (a maximum is minus the minimum of minus the sum): changing the sense would throw the basis away.
    const sign = sense === 'min' ? 1 : -1;
    const idx: number[] = [];
    const cost: number[] = [];
    for (const [v, c] of terms) {
      const j = this.col.get(v);
      if (j === undefined) throw new Error(`unknown ${v} is not in this program`);
      idx.push(j);
      cost.push(sign * c);
    }
    const zero = this.lastCost.filter((j) => !idx.includes(j));
    const all = [...zero.map((j) => [j, 0] as const), ...idx.map((j, i) => [j, cost[i] ?? 0] as const)].sort((a, b) => a[0] - b[0]);
    if (all.length > 0) this.model.changeColsCost({ kind: 'set', indices: Int32Array.from(all.map((a) => a[0])) }, Float64Array.from(all.map((a) => a[1])));
    this.lastCost = idx;
    this.model.run();
    let status = this.model.getModelStatus();
    const s = this.h.constants.modelStatus;
    if (status === s.unknown) {
      // Re-solving from the last basis can end in numerical trouble ('unknown', seen with seed -1583030824);
      // the same program solved from no basis settles it.
      this.model.clearSolver();
      this.model.run();
      status = this.model.getModelStatus();
    }
    if (status === s.optimal) return sign * this.model.getObjectiveValue();
    if (status === s.unbounded) return sense === 'min' ? -Infinity : Infinity;
    if (status === s.infeasible) {
      const iis = this.model.getIis();
      const rows = [...iis.rowIndex].map((i) => this.added[i]?.via ?? `row ${i}`);
      throw new InfeasibleError(`the shown figures contradict each other (the constraint builder is wrong): ${rows.join('; ')}`);
    }
    if (status === s.unboundedOrInfeasible) return sense === 'min' ? -Infinity : Infinity;
    throw new Error(`HiGHS ended with model status ${status}`);
  }

  dispose(): void {
    this.model.dispose();
  }
}
