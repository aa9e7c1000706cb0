import { ref } from 'vue';
import { listUnits } from '../api/admin.js';
import { fetchKpis } from '../api/detail.js';
import { kpiChoices, type KpiChoice } from '../import/import-mappings.js';

interface UnitChoice {
  code: string;
  name: string;
  depth: number;
  /** Has no units under it, so it can hold values. */
  leaf: boolean;
}

/** What a report row can be mapped to: the KPIs with their genders and age bands, and today's unit tree. */
export interface MappingChoices {
  kpis: readonly KpiChoice[];
  units: readonly UnitChoice[];
}

/**
 * The import pages' KPIs and units, with the KPIs' names. Names and codes only help reading and
 * mapping: a page works without them, so a failed fetch leaves the lists empty.
 */
export function useMappingChoices() {
  const choices = ref<MappingChoices>({ kpis: [], units: [] });
  const kpiNames = ref(new Map<string, string>());
  async function load(): Promise<void> {
    const month = new Date().toISOString().slice(0, 7);
    const [list, tree] = await Promise.all([fetchKpis().catch(() => []), listUnits(month).catch(() => [])]);
    kpiNames.value = new Map(list.map((k) => [k.id, k.name]));
    const parents = new Set(tree.map((u) => u.parent));
    choices.value = { kpis: kpiChoices(list), units: tree.map((u) => ({ code: u.code, name: u.name, depth: u.depth, leaf: !parents.has(u.code) })) };
  }
  return { choices, kpiNames, load };
}
