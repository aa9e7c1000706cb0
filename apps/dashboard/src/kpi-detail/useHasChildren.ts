import { ref, watch, type Ref } from 'vue';
import { fetchUnitTree } from '../api/units.js';

/**
 * Whether a unit has child units in a month (the tree as the caller sees it),
 * so the KPI view offers "Dela upp: Enhet" and "Se per enhet" only where
 * they lead somewhere. Null until known (and when the tree cannot be read):
 * the view then offers them as before.
 */
export function useHasChildren(unit: Ref<string>, month: Ref<string | null>): Ref<boolean | null> {
  const has = ref<boolean | null>(null);
  let asked = 0;
  watch(
    [unit, month],
    async ([u, m]) => {
      const mine = ++asked;
      has.value = null;
      if (!m) return;
      try {
        const tree = await fetchUnitTree(m);
        if (mine === asked) has.value = tree.some((x) => x.parent === u);
      } catch {
        // The view's own panels say when the server is away.
      }
    },
    { immediate: true },
  );
  return has;
}
