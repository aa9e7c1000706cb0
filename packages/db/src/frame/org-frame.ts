import { eq, inArray } from 'drizzle-orm';
import type { KpiDefinition } from '@lagesbild/domain';
import type { Db } from '../client.js';
import {
  atgarder,
  comments,
  economyAmounts,
  economyPrognoses,
  goalAssessments,
  goalIndicators,
  goalIndicatorValues,
  goals,
  importBatches,
  investments,
  kpiPrognoses,
  kpis,
  observationHistory,
  observations,
  organisations,
  reportDrafts,
  reportVersions,
  risks,
  targets,
  unitLinks,
  unitNames,
  units,
  uppdrag,
  uppdragComments,
} from '../schema/index.js';
import type { DemoTarget, DemoUnit } from '../seed/types.js';

const CHUNK = 2000;

/** A catalogue entry as its table row: the ratio's parts are two columns there. */
export function kpiRow<K extends KpiDefinition>(
  k: K,
): Omit<K, 'ratioOf' | 'ageBandKind'> & { ratioNumerator: string | null; ratioDenominator: string | null; ageBandKind: 'partition' | 'subset' } {
  const { ratioOf, ageBandKind, ...rest } = k;
  return { ...rest, ageBandKind: ageBandKind ?? 'partition', ratioNumerator: ratioOf?.numerator ?? null, ratioDenominator: ratioOf?.denominator ?? null };
}

/** Creates or updates catalogue entries (the catalogue is shared by every organisation). */
export async function upsertKpis(db: Db, records: Iterable<KpiDefinition & { validFrom: string; sortOrder: number }>): Promise<void> {
  for (const k of records) {
    const row = kpiRow(k);
    await db.insert(kpis).values(row).onConflictDoUpdate({ target: kpis.id, set: row });
  }
}

/** Removes an organisation's goals and follow-ups, cells, targets, comments, batches and unit tree; the organisation row stays. */
export async function clearOrgData(tx: Db, orgId: string): Promise<void> {
  const orgUnits = tx.select({ id: units.id }).from(units).where(eq(units.orgId, orgId));
  // Children before parents: these all point at goals, units or KPIs.
  for (const t of [reportVersions, reportDrafts, uppdragComments, uppdrag, atgarder, risks, goalAssessments, goalIndicatorValues, goalIndicators, goals])
    await tx.delete(t).where(eq(t.orgId, orgId));
  for (const t of [economyAmounts, economyPrognoses, investments]) await tx.delete(t).where(eq(t.orgId, orgId));
  await tx.delete(comments).where(eq(comments.orgId, orgId));
  await tx.delete(observationHistory).where(eq(observationHistory.orgId, orgId));
  await tx.delete(observations).where(eq(observations.orgId, orgId));
  await tx.delete(targets).where(eq(targets.orgId, orgId));
  await tx.delete(kpiPrognoses).where(eq(kpiPrognoses.orgId, orgId));
  await tx.delete(importBatches).where(eq(importBatches.orgId, orgId));
  await tx.delete(unitLinks).where(inArray(unitLinks.unitId, orgUnits));
  await tx.delete(unitNames).where(inArray(unitNames.unitId, orgUnits));
  await tx.delete(units).where(eq(units.orgId, orgId));
}

export interface OrgFrame {
  organisation: { id: string; name: string };
  units: readonly DemoUnit[];
  targets: readonly DemoTarget[];
  /** The batch every cell of the frame belongs to. */
  batch: { fileName: string; sha256: string; format: string; rowCount: number; createdBy: string };
}

export interface WrittenFrame {
  batchId: number;
  idOf: ReadonlyMap<string, number>;
  /** The unit id of a code; throws on a code the frame does not have. */
  unitId(code: string): number;
}

/**
 * An organisation's units with their names and parent links, in the order
 * given; `unitId` throws on a code the tree does not have, naming `source`.
 */
export async function insertUnitTree(tx: Db, orgId: string, tree: readonly DemoUnit[], source: string): Promise<Omit<WrittenFrame, 'batchId'>> {
  const inserted = await tx
    .insert(units)
    .values(tree.map((u) => ({ orgId, code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo })))
    .returning({ id: units.id, code: units.code });
  const idOf = new Map(inserted.map((u) => [u.code, u.id]));
  const unitId = (code: string): number => {
    const v = idOf.get(code);
    if (v === undefined) throw new Error(`${source}: refers to unknown unit ${code}`);
    return v;
  };
  const names = tree.flatMap((u) => u.names.map((n) => ({ unitId: unitId(u.code), ...n })));
  if (names.length) await tx.insert(unitNames).values(names);
  const links = tree.flatMap((u) => u.parents.map((p) => ({ unitId: unitId(u.code), parentId: unitId(p.parentCode), validFrom: p.validFrom, validTo: p.validTo })));
  if (links.length) await tx.insert(unitLinks).values(links);
  return { idOf, unitId };
}

/**
 * The one writer of an organisation's frame (seed and generate): everything
 * but the cells, i.e. the organisation, its unit tree with names and parents,
 * the batch its cells belong to, and its targets. Call it in the transaction
 * that writes the cells, after clearOrgData.
 */
export async function writeOrgFrame(tx: Db, frame: OrgFrame): Promise<WrittenFrame> {
  const orgId = frame.organisation.id;
  await tx
    .insert(organisations)
    .values(frame.organisation)
    .onConflictDoUpdate({ target: organisations.id, set: { name: frame.organisation.name } });
  const { idOf, unitId } = await insertUnitTree(tx, orgId, frame.units, frame.batch.fileName);
  const [batch] = await tx
    .insert(importBatches)
    .values({
      orgId,
      ...frame.batch,
      origin: 'synthetic',
      summary: { inserted: frame.batch.rowCount, updated: 0, unchanged: 0 },
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error('no import batch');
  for (let i = 0; i < frame.targets.length; i += CHUNK) {
    await tx.insert(targets).values(
      frame.targets.slice(i, i + CHUNK).map((t) => ({
        orgId,
        kpiId: t.kpiId,
        unitId: unitId(t.unitCode),
        year: t.year,
        annual: t.annual,
        monthly: t.monthly,
        tolerance: t.tolerance,
        toleranceKind: t.toleranceKind,
        origin: t.origin,
        source: t.source,
      })),
    );
  }
  return { batchId: batch.id, idOf, unitId };
}
