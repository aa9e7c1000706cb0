/** The unit given for a whole import (CLI --unit, the page's unit field), checked once against the organisation. */
import type { Catalogue } from './catalogue.js';
import type { ImportIssue } from '../common/errors.js';
import { unknownUnitOption } from './value-messages.js';

/** The units a value can be stored on this month (leaves of the tree), as "CODE (name)". */
function leafUnits(cat: Catalogue): string[] {
  return cat.tree
    .all()
    .filter((u) => cat.tree.exists(u.code, cat.currentMonth) && cat.tree.childrenAt(u.code, cat.currentMonth).length === 0)
    .map((u) => (u.name && u.name !== u.code ? `${u.code} (${u.name})` : u.code));
}

/** Null when the option is absent or a unit of the organisation that has no sub-units now. */
export function unitOptionIssue(cat: Catalogue, file: string, code: string | null): ImportIssue | null {
  if (code === null) return null;
  const node = cat.tree.get(code);
  if (node === undefined) return unknownUnitOption(file, code, leafUnits(cat), false);
  if (cat.tree.exists(code, cat.currentMonth) && cat.tree.childrenAt(code, cat.currentMonth).length > 0) return unknownUnitOption(file, code, leafUnits(cat), true);
  return null;
}
