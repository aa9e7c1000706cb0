import type { Month } from './month.js';

/**
 * A reorganisation of a unit as data: the dashboard words it in the chosen
 * language (its i18n catalogue), so the API sends no Swedish sentence.
 * `from`/`to` are names as they were: the old and new parent for a move,
 * the old and new name for a rename.
 */
export type UnitChange = { kind: 'moved' | 'renamed'; from: string; to: string; month: Month } | { kind: 'closed'; month: Month };
