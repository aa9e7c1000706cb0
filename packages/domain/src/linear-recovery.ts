/**
 * Which hidden cells an attacker could compute from the shown ones: each
 * relation is a linear equation (total − Σ parts = 0); with the shown values
 * moved to the right-hand side, a hidden cell x is determined exactly when its
 * unit vector lies in the row space of the equations restricted to the hidden
 * cells. Tables are small (tens to hundreds of cells), so plain Gaussian
 * elimination on small integers is enough.
 */
export function determinedUnknowns(relations: readonly string[][], hidden: readonly string[]): string[] {
  const col = new Map(hidden.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const ids of relations) {
    const row = new Array<number>(hidden.length).fill(0);
    let any = false;
    ids.forEach((id, i) => {
      const j = col.get(id);
      if (j === undefined) return;
      row[j] = (row[j] ?? 0) + (i === 0 ? 1 : -1);
      any = true;
    });
    if (any) rows.push(row);
  }
  const basis = reducedRowEchelon(rows, hidden.length);
  // In reduced row echelon form, x_j is determined iff some row is exactly e_j.
  const out: string[] = [];
  for (const r of basis) {
    const nonZero = r.flatMap((v, j) => (Math.abs(v) > 1e-9 ? [j] : []));
    const only = nonZero[0];
    if (nonZero.length === 1 && only !== undefined) out.push(hidden[only] ?? '');
  }
  return out.filter((id) => id !== '').sort();
}

function reducedRowEchelon(input: number[][], width: number): number[][] {
  const m = input.map((r) => [...r]);
  let lead = 0;
  const rank: number[][] = [];
  for (let c = 0; c < width && lead < m.length; c++) {
    let pivot = -1;
    for (let r = lead; r < m.length; r++) if (Math.abs(m[r]?.[c] ?? 0) > 1e-9) pivot = pivot === -1 ? r : pivot;
    if (pivot === -1) continue;
    const tmp = m[pivot] ?? [];
    m[pivot] = m[lead] ?? [];
    m[lead] = tmp;
    const lv = tmp[c] ?? 1;
    for (let j = 0; j < width; j++) tmp[j] = (tmp[j] ?? 0) / lv;
    for (let r = 0; r < m.length; r++) {
      if (r === lead) continue;
      const row = m[r] ?? [];
      const f = row[c] ?? 0;
      if (Math.abs(f) > 1e-12) for (let j = 0; j < width; j++) row[j] = (row[j] ?? 0) - f * (tmp[j] ?? 0);
    }
    lead++;
  }
  for (let r = 0; r < lead; r++) rank.push(m[r] ?? []);
  return rank;
}
