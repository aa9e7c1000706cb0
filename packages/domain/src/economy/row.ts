/**
 * One row of a driftsredovisning, in tkr and signed as the reports print a net
 * result (costs negative, income positive). Avvikelse is budget minus utfall in
 * cost terms, which signed this way is utfall − budget: a cost above budget is
 * negative (004 l.250: −861 against −934 gives +73).
 */
export interface DriftRow {
  utfall: number;
  budget: number;
  avvikelse: number;
  /** The förvaltning's prognos of the full year's deviation from budget, as reported; null when none was given. */
  prognosAvvikelse: number | null;
  /** The expected full-year net result (annual budget + prognos deviation), when the annual budget is known. */
  prognosHelar: number | null;
}

export function driftRow(utfall: number, budget: number, prognosAvvikelse: number | null = null, annualBudget: number | null = null): DriftRow {
  return {
    utfall,
    budget,
    avvikelse: utfall - budget,
    prognosAvvikelse,
    prognosHelar: prognosAvvikelse !== null && annualBudget !== null ? annualBudget + prognosAvvikelse : null,
  };
}

/** The "Summa" of some rows: sums of each column; a prognos only when at least one row has one. */
export function sumRows(rows: readonly DriftRow[]): DriftRow {
  const prognoses = rows.map((r) => r.prognosAvvikelse).filter((p): p is number => p !== null);
  const helar = rows.map((r) => r.prognosHelar);
  return {
    utfall: rows.reduce((a, r) => a + r.utfall, 0),
    budget: rows.reduce((a, r) => a + r.budget, 0),
    avvikelse: rows.reduce((a, r) => a + r.avvikelse, 0),
    prognosAvvikelse: prognoses.length ? prognoses.reduce((a, b) => a + b, 0) : null,
    prognosHelar: helar.length > 0 && helar.every((h) => h !== null) ? helar.reduce<number>((a, h) => a + (h ?? 0), 0) : null,
  };
}
