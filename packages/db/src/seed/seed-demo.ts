import { rebuildRelease } from '../release/rebuild.js';
import { refreshRollups } from '../rollups/refresh.js';
import { createHash } from 'node:crypto';
import type { Db } from '../client.js';
import { clearOrgData, upsertKpis, writeOrgFrame } from '../frame/org-frame.js';
import { comments, kpiPrognoses, observations } from '../schema/index.js';
import { QUALITY_COMMENTS } from './demo-kpis-quality.js';
import { buildDemoDataset } from './demo-dataset.js';
import { seedDemoKolada } from './demo-kolada.js';
import { seedDemoGoals } from './demo-goals.js';
import { seedDemoMappings } from './demo-mappings.js';
import { writeEconomy } from './economy/write-economy.js';

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
    await clearOrgData(tx, orgId);
    await upsertKpis(tx, data.kpis);
    const { batchId, unitId: id } = await writeOrgFrame(tx, {
      organisation: data.organisation,
      units: data.units,
      targets: data.targets,
      batch: { fileName: 'demo-seed', sha256: createHash('sha256').update(payload).digest('hex'), format: 'demo', rowCount: data.observations.length, createdBy: 'seed' },
    });
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
          batchId,
          sourceFile: o.sourceFile,
          sourceRow: o.sourceRow,
        })),
      );
    }
    await writeEconomy(tx, orgId, data.economy, id);
    await tx.insert(comments).values(QUALITY_COMMENTS.map(({ unitCode, ...c }) => ({ orgId, unitId: id(unitCode), ...c })));
    await tx.insert(kpiPrognoses).values(data.prognoses.map(({ unitCode, ...p }) => ({ orgId, unitId: id(unitCode), ...p })));
    await seedDemoMappings(tx, orgId);
    await seedDemoKolada(tx, orgId);
    // The 2020 goals and their målbedömning, on the förvaltning (the nämnd's whole organisation).
    await seedDemoGoals(tx, orgId, id('SOC'));
    // Dashboards read the roll-ups; built in the same transaction, so they are fresh from the first request.
    await refreshRollups(tx, orgId);
    // And what every suppressed audience reads: the protected release.
    await rebuildRelease(tx, orgId);
  });
  return { units: data.units.length, kpis: data.kpis.length, observations: data.observations.length, targets: data.targets.length };
}
