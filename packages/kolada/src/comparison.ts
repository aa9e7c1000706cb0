/**
 * The comparison a KPI detail shows beside our own figures: the own
 * municipality, Riket, the kommungrupp (the unweighted mean of its members, as
 * Kolada's group averages are) and the municipalities an organisation chose.
 * Pure: the server computes it, the dashboard only draws it.
 */
export type ComparisonRole = 'own' | 'riket' | 'group' | 'chosen';
export const RIKET = '0000';

export interface ComparisonInput {
  values: readonly { municipality: string; year: number; gender: 'T' | 'K' | 'M'; value: number | null; status: string }[];
  own: string | null;
  group: { id: string; title: string; members: readonly string[] } | null;
  chosen: readonly string[];
  names: Readonly<Record<string, string>>;
}

export interface ComparisonCell {
  value: number | null;
  /** Kolada's status word where the value is missing ("Saknas"), or for a group how many members the mean is of. */
  note: string;
}

export interface ComparisonRow {
  id: string;
  name: string;
  role: ComparisonRole;
  /** year → gender → cell; only what Kolada has. */
  years: Record<number, Partial<Record<'T' | 'K' | 'M', ComparisonCell>>>;
}

export interface ComparisonTable {
  years: number[];
  rows: ComparisonRow[];
}

export function comparisonTable(input: ComparisonInput): ComparisonTable {
  const byMunicipality = new Map<string, ComparisonInput['values'][number][]>();
  for (const v of input.values) byMunicipality.set(v.municipality, [...(byMunicipality.get(v.municipality) ?? []), v]);
  const single = (id: string, role: ComparisonRole): ComparisonRow => {
    const row: ComparisonRow = { id, name: input.names[id] ?? (id === RIKET ? 'Riket' : id), role, years: {} };
    for (const v of byMunicipality.get(id) ?? []) (row.years[v.year] ??= {})[v.gender] = { value: v.value, note: v.value === null ? v.status || 'Saknas' : '' };
    return row;
  };
  const rows: ComparisonRow[] = [];
  if (input.own) rows.push(single(input.own, 'own'));
  rows.push(single(RIKET, 'riket'));
  if (input.group) rows.push(groupRow(input.group, byMunicipality));
  for (const id of input.chosen) if (id !== input.own && id !== RIKET) rows.push(single(id, 'chosen'));
  const years = [...new Set(rows.flatMap((r) => Object.keys(r.years).map(Number)))].sort((a, b) => a - b);
  return { years, rows };
}

function groupRow(group: NonNullable<ComparisonInput['group']>, byMunicipality: Map<string, ComparisonInput['values'][number][]>): ComparisonRow {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const m of group.members) {
    for (const v of byMunicipality.get(m) ?? []) {
      if (v.value === null) continue;
      const key = `${v.year}|${v.gender}`;
      const s = sums.get(key) ?? { sum: 0, n: 0 };
      sums.set(key, { sum: s.sum + v.value, n: s.n + 1 });
    }
  }
  const row: ComparisonRow = { id: group.id, name: group.title, role: 'group', years: {} };
  for (const [key, s] of sums) {
    const [year, gender] = key.split('|') as [string, 'T' | 'K' | 'M'];
    (row.years[Number(year)] ??= {})[gender] = { value: s.sum / s.n, note: `medel av ${s.n} av ${group.members.length} kommuner` };
  }
  return row;
}
