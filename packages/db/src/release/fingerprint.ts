import { createHash } from 'node:crypto';
import type { KpiDefinition, SuppressionRules, UnitNode } from '@lagesbild/domain';

/** JSON with every object's keys sorted, so the same value always hashes the same whatever order it was built in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const sorted = (xs: readonly unknown[]) => xs.map(canonicalJson).sort();

/** The shape of a release's rows: 2 added the age-band rows. A build of another format is never extended by a partial one. */
const RELEASE_FORMAT = 2;

/**
 * What every cell of a release depends on besides the cells (and its format): the KPI
 * catalogue (families, nouns, rounding), the unit tree (every roll-up row)
 * and the suppression rules. A partial build is right only while this is
 * unchanged; the build stores it beside the release. Database ids are left
 * out (a reseed gives the same tree new ids) and the tree's lists are sorted
 * (they come back from the database in no set order).
 */
export function releaseInputsFingerprint(kpis: readonly KpiDefinition[], units: readonly UnitNode[], rules: SuppressionRules): string {
  const tree = units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo, names: sorted(u.names), parents: sorted(u.parents) }));
  const body = canonicalJson({ format: RELEASE_FORMAT, kpis: sorted(kpis), units: sorted(tree), rules });
  return createHash('sha256').update(body).digest('hex');
}
