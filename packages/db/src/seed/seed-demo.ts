import { refreshRollups } from '../rollups/refresh.js';
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { comments, importBatches, kpis, observationHistory, observations, organisations, targets, unitLinks, unitNames, units } from '../schema/index.js';
import { buildDemoDataset } from './demo-dataset.js';
import { seedDemoMappings } from './demo-mappings.js';

export interface SeedSummary {
  units: number;
  kpis: number;
  observations: number;
  targets: number;
}

const CHUNK = 2000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Replaces the demo organisation's data with the deterministic demo dataset,
 * in one transaction: either all of it is there afterwards or none of the change.
 */
export async function seedDemo(db: Db): Promise<SeedSummary> {
  const data = buildDemoDataset();
  const orgId = data.organisation.id;
  const payload = JSON.stringify({ units: data.units.length, kpis: data.kpis.length, observations: data.observations.length });
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values(data.organisation).onConflictDoUpdate({ target: organisations.id, set: { name: data.organisation.name } });
    const orgUnits = tx.select({ id: units.id }).from(units).where(eq(units.orgId, orgId));
    await tx.delete(observationHistory).where(eq(observationHistory.orgId, orgId));
    await tx.delete(observations).where(eq(observations.orgId, orgId));
    await tx.delete(targets).where(eq(targets.orgId, orgId));
    await tx.delete(comments).where(eq(comments.orgId, orgId));
    await tx.delete(importBatches).where(eq(importBatches.orgId, orgId));
    await tx.delete(unitLinks).where(inArray(unitLinks.unitId, orgUnits));
    await tx.delete(unitNames).where(inArray(unitNames.unitId, orgUnits));
    await tx.delete(units).where(eq(units.orgId, orgId));

    for (const k of data.kpis) {
      const { ratioOf, ...rest } = k;
      const row = { ...rest, ratioNumerator: ratioOf?.numerator ?? null, ratioDenominator: ratioOf?.denominator ?? null };
      await tx.insert(kpis).values(row).onConflictDoUpdate({ target: kpis.id, set: row });
    }

    const inserted = await tx
      .insert(units)
      .values(data.units.map((u) => ({ orgId, code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo })))
      .returning({ id: units.id, code: units.code });
    const idOf = new Map(inserted.map((u) => [u.code, u.id]));
    const id = (code: string): number => {
      const v = idOf.get(code);
      if (v === undefined) throw new Error(`Demo data refers to unknown unit ${code}`);
      return v;
    };
    await tx.insert(unitNames).values(data.units.flatMap((u) => u.names.map((n) => ({ unitId: id(u.code), ...n }))));
    await tx.insert(unitLinks).values(data.units.flatMap((u) => u.parents.map((p) => ({ unitId: id(u.code), parentId: id(p.parentCode), validFrom: p.validFrom, validTo: p.validTo }))));

    const [batch] = await tx
      .insert(importBatches)
      .values({
        orgId,
        fileName: 'demo-seed',
        sha256: createHash('sha256').update(payload).digest('hex'),
        format: 'demo',
        origin: 'synthetic',
        rowCount: data.observations.length,
        summary: { inserted: data.observations.length, updated: 0, unchanged: 0 },
        createdBy: 'seed',
      })
      .returning({ id: importBatches.id });
    for (const part of chunks(data.observations)) {
      await tx.insert(observations).values(
        part.map((o) => ({
          orgId,
          kpiId: o.kpiId,
          unitId: id(o.unitCode),
          month: o.month,
          gender: o.gender,
          ageBand: o.ageBand,
          numerator: o.numerator,
          denominator: o.denominator,
          origin: o.origin,
          batchId: batch?.id ?? null,
          sourceFile: o.sourceFile,
          sourceRow: o.sourceRow,
        })),
      );
    }
    for (const part of chunks(data.targets)) {
      await tx.insert(targets).values(part.map((t) => ({ orgId, kpiId: t.kpiId, unitId: id(t.unitCode), year: t.year, annual: t.annual, monthly: t.monthly, tolerance: t.tolerance, toleranceKind: t.toleranceKind, origin: t.origin, source: t.source })));
    }
    await seedDemoMappings(tx, orgId);
    // Dashboards read the roll-ups; built in the same transaction, so they are fresh from the first request.
    await refreshRollups(tx, orgId);
  });
  return { units: data.units.length, kpis: data.kpis.length, observations: data.observations.length, targets: data.targets.length };
}
