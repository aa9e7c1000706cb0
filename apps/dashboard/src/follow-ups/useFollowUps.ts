import { computed, ref, watch, type Ref } from 'vue';
import * as api from '../api/follow-ups.js';
import type { AtgardDraft, AtgardStatus, CommentDraft, FollowUpScope, RiskDraft, UppdragDraft } from '../api/follow-ups.js';
import { useLiveEvents } from '../composables/useLiveEvents.js';
import { useLoader } from '../composables/useLoader.js';
import { useSessionStore } from '../stores/session.js';

type Kind = 'atgard' | 'uppdrag' | 'risk';

/**
 * The follow-ups of a unit (and the units below it) for a follow-up period:
 * åtgärder (only the KPI's when `kpi` is given), uppdrag and risks, loaded
 * once for the whole view and filtered per goal by the lists. Writes go to the
 * unit they name (a goal's own unit) and the lists are asked again; another
 * person's change arrives as the live event follow_up.changed. It is not tied
 * to units or months (åtgärder and uppdrag are not bound to a period), so any
 * such event asks again: the lists are small.
 */
export function useFollowUps(scope: Ref<FollowUpScope | null>, opts: { kinds: readonly Kind[]; kpi?: Ref<string> }) {
  const atgarder = useLoader((q: FollowUpScope & { kpi?: string }) => api.fetchAtgarder(q));
  const uppdrag = useLoader(api.fetchUppdrag);
  const risks = useLoader(api.fetchRisks);
  const mayAssess = ref(false);
  void useSessionStore()
    .may('assess')
    .then((ok) => (mayAssess.value = ok));

  async function reload(): Promise<void> {
    const s = scope.value;
    if (!s) return;
    const q = { unit: s.unit, period: s.period };
    await Promise.all([
      opts.kinds.includes('atgard') ? atgarder.load(opts.kpi ? { ...q, kpi: opts.kpi.value } : q) : null,
      opts.kinds.includes('uppdrag') ? uppdrag.load(q) : null,
      opts.kinds.includes('risk') ? risks.load(q) : null,
    ]);
  }
  watch(() => [scope.value?.unit, scope.value?.period, opts.kpi?.value], reload, { immediate: true });
  useLiveEvents({ onEvent: (e) => (e.kind === 'follow_up.changed' ? reload() : undefined) });

  /** The scope's period for a write on `unit`; a view without a period offers no form. */
  const at = (unit: string): FollowUpScope => ({ unit, period: scope.value?.period ?? '' });
  const then = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    await reload();
    return r;
  };
  const loadError = computed(() => atgarder.error.value ?? uppdrag.error.value ?? risks.error.value);

  return {
    mayAssess,
    atgarder: atgarder.data,
    uppdrag: uppdrag.data,
    risks: risks.data,
    loadError,
    reload,
    addAtgard: (unit: string, a: AtgardDraft) => then(api.addAtgard(at(unit), a)),
    setAtgardStatus: (unit: string, id: number, status: AtgardStatus) => then(api.setAtgardStatus(at(unit), id, status)),
    addUppdrag: (unit: string, u: UppdragDraft) => then(api.addUppdrag(at(unit), u)),
    commentUppdrag: (unit: string, c: CommentDraft) => then(api.commentUppdrag(at(unit), c)),
    addRisk: (unit: string, r: RiskDraft) => then(api.addRisk(at(unit), r)),
  };
}

export type FollowUps = ReturnType<typeof useFollowUps>;
