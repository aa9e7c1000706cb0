import type { KpiDefinition } from '../kpi.js';

/**
 * KPIs that describe the same individuals share their hidden cells: sick
 * leave and its long-term share (the same employees), the HME indices (the
 * same respondents), and a ratio's numerator and denominator (kr paid to
 * households is hidden with the households, and the shown ratio of two shown
 * figures then adds nothing). `everyRatio` also joins the parts of a ratio
 * that protects no one (it still reads both parts' hidden cells).
 */
export function families(kpis: readonly KpiDefinition[], all: readonly KpiDefinition[], everyRatio = false): KpiDefinition[][] {
  const ids = new Set(kpis.map((k) => k.id));
  const parent = new Map(kpis.map((k) => [k.id, k.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const join = (a: string, b: string) => {
    if (ids.has(a) && ids.has(b)) parent.set(find(a), find(b));
  };
  const firstOf = new Map<string, string>();
  for (const k of kpis) {
    if (k.privacyClass !== 'sick-leave' && k.privacyClass !== 'hme') continue;
    const f = firstOf.get(k.privacyClass);
    if (f === undefined) firstOf.set(k.privacyClass, k.id);
    else join(k.id, f);
  }
  for (const k of all) if (k.ratioOf && (everyRatio || k.privacyClass !== 'none')) join(k.ratioOf.numerator, k.ratioOf.denominator);
  const out = new Map<string, KpiDefinition[]>();
  for (const k of kpis) out.set(find(k.id), [...(out.get(find(k.id)) ?? []), k]);
  return [...out.values()];
}
