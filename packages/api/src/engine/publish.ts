import { hiddenReason, suppressedDisplay, suppressTable, type AdditiveRelation, type PrivacyClass, type SuppressionMark } from '@lagesbild/domain';
import type { ComputedValue, KpiValue } from './kpi-values.js';

/** A value on its way out, with the id the relations refer to. */
export interface Outgoing {
  id: string;
  value: ComputedValue;
  privacyClass: PrivacyClass;
}

/**
 * The door every exact value goes out through: it strips the people count.
 * Suppressed audiences never come here: their values are lookups in the
 * protected release (released.ts, docs/privacy.md), since suppressing one
 * answer at a time let combined answers give hidden cells back (issue 15).
 * `suppress` is kept for the per-table check's own tests.
 */
export function publishValues(items: readonly Outgoing[], relations: readonly AdditiveRelation[], suppress: boolean): Map<string, KpiValue> {
  const marks = suppress
    ? suppressTable(
        items.map((i) => ({ id: i.id, protectingCount: i.value.protectingCount, privacyClass: i.privacyClass })),
        relations,
      )
    : new Map<string, SuppressionMark>();
  const out = new Map<string, KpiValue>();
  for (const i of items) {
    const { protectingCount: _hidden, ...rest } = i.value;
    const mark = marks.get(i.id);
    out.set(
      i.id,
      mark
        ? {
            ...rest,
            value: null,
            display: suppressedDisplay(mark, { id: i.id, protectingCount: null, privacyClass: i.privacyClass }),
            status: 'none',
            deviation: null,
            deviationDisplay: null,
            suppressed: true,
            hidden: hiddenReason(mark, null),
          }
        : rest,
    );
  }
  return out;
}

/** One value alone (a CLI query, a single card): only its own size can hide it. */
export function publishOne(v: ComputedValue, privacyClass: PrivacyClass, suppress: boolean): KpiValue {
  const out = publishValues([{ id: 'v', value: v, privacyClass }], [], suppress).get('v');
  if (!out) throw new Error('publishOne lost its value');
  return out;
}
