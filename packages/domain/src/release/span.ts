/** Test-only linear algebra over sparse forms (atom → coefficient): what an attacker can span from the shown cells. */

/** Rank test by elimination: reduce `v` against an echelon basis (pivot column → row). */
export function reduce(basis: Map<string, Map<string, number>>, v: Map<string, number>): Map<string, number> {
  const r = new Map(v);
  for (;;) {
    const col = [...r.keys()].sort().find((c) => basis.has(c) && Math.abs(r.get(c) ?? 0) > 1e-9);
    if (col === undefined) return r;
    const b = basis.get(col);
    const f = r.get(col) ?? 0;
    if (!b) return r;
    for (const [c, x] of b) {
      const y = (r.get(c) ?? 0) - f * x;
      if (Math.abs(y) < 1e-9) r.delete(c);
      else r.set(c, y);
    }
  }
}

export function insert(basis: Map<string, Map<string, number>>, v: Map<string, number>): void {
  const r = reduce(basis, v);
  const pivot = [...r.keys()].sort().find((c) => !basis.has(c) && Math.abs(r.get(c) ?? 0) > 1e-9);
  if (pivot === undefined) return;
  const p = r.get(pivot) ?? 1;
  const row = new Map([...r].map(([c, x]) => [c, x / p]));
  // Keep the basis reduced: eliminate the new pivot from the older rows.
  for (const b of basis.values()) {
    const f = b.get(pivot);
    if (f === undefined) continue;
    for (const [c, x] of row) {
      const y = (b.get(c) ?? 0) - f * x;
      if (Math.abs(y) < 1e-9) b.delete(c);
      else b.set(c, y);
    }
  }
  basis.set(pivot, row);
}
