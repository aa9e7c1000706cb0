/**
 * Which row of a wide report is which KPI: the mapping rules as plain data
 * and their lookup. Pure; loading them from the database is in
 * load-mappings.ts.
 */
import type { Gender } from '@lagesbild/domain';
import { labelSimilarity, normaliseLabel } from '../common/suggest.js';

export interface LabelMapping {
  section: string;
  parentLabel: string;
  label: string;
  /** null: a known row that is not imported. */
  kpiId: string | null;
  gender: Gender;
  ageBand: string;
  /** null: the unit given with the import. */
  unitCode: string | null;
}

/** A known label, and where it is known when that differs from the row's own section and parent. */
export interface LabelSuggestion {
  label: string;
  context: string;
  /** The known row itself, so a form can offer its KPI, gender and unit for the unknown one. */
  mapping: LabelMapping;
}

const key = (section: string, parent: string, label: string): string => [section, parent, label].map(normaliseLabel).join('\u0000');

/** A ratio KPI's parts: a row mapped to it is checked against the file's rows of these two, never stored. */
export interface RatioParts {
  numerator: string;
  denominator: string;
}

export class MappingIndex {
  private readonly byKey = new Map<string, LabelMapping>();

  constructor(
    readonly mappings: readonly LabelMapping[],
    /** The catalogue's ratio KPIs by id. */
    readonly ratios: ReadonlyMap<string, RatioParts> = new Map(),
  ) {
    for (const m of mappings) this.byKey.set(key(m.section, m.parentLabel, m.label), m);
  }

  /**
   * The mapping of a row: for its own section first, then one that holds in
   * any section (section ''), so a heading the file adds does not break the
   * mappings of the rows below it.
   */
  find(section: string, parent: string, label: string): LabelMapping | null {
    return this.byKey.get(key(section, parent, label)) ?? this.byKey.get(key('', parent, label)) ?? null;
  }

  /**
   * The known row closest to an unknown one, for "Menade du …?": mostly by its
   * label, with section and parent as the tie-breaker (the same "Barn" exists
   * in many sections). Null when nothing is similar enough to help.
   */
  suggest(section: string, parent: string, label: string): LabelSuggestion | null {
    const context = (s: string, p: string) => [s, p].filter(Boolean).join(' / ');
    const here = context(section, parent);
    let best: LabelMapping | null = null;
    let bestScore = 0;
    for (const m of this.mappings) {
      const l = labelSimilarity(label, m.label);
      if (l < 0.5) continue;
      const there = context(m.section, m.parentLabel);
      const c = here === '' && there === '' ? 1 : labelSimilarity(here, there);
      const score = l * 0.7 + c * 0.3;
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    if (best === null) return null;
    const where = [best.section && `avsnitt "${best.section}"`, best.parentLabel && `under "${best.parentLabel}"`].filter(Boolean).join(', ');
    const sameContext = normaliseLabel(best.section) === normaliseLabel(section) && normaliseLabel(best.parentLabel) === normaliseLabel(parent);
    return { label: best.label, context: sameContext ? '' : where, mapping: best };
  }
}
