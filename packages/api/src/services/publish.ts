import { suppressedDisplay, suppressTable, type AdditiveRelation, type PrivacyClass } from '@lagesbild/domain';
import type { ComputedValue, KpiValue } from './kpi-values.js';

/** A value on its way out, with the id the relations refer to. */
export interface Outgoing {
  id: string;
  value: ComputedValue;
  privacyClass: PrivacyClass;
}

/**
 * The one door every value goes out through. It always strips the people
 * count; with `suppress` (every role without a need for exact small counts,
 * and every wall screen) it hides small groups and whatever would let them be
 * recovered by subtraction from the other values shown with them.
 */
export function publishValues(items: readonly Outgoing[], relations: readonly AdditiveRelation[], suppress: boolean): Map<string, KpiValue> {
  const marks = suppress
    ? suppressTable(
        items.map((i) => ({ id: i.id, protectingCount: i.value.protectingCount, privacyClass: i.privacyClass })),
        relations,
      )
    : new Map();
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
