import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, inArray } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Database, Db } from '../client.js';
import { dropRelease, rebuildRelease } from '../release/rebuild.js';
import { dropRollups, refreshRollups } from '../rollups/refresh.js';
import { clearOrgData, upsertKpis, writeOrgFrame, type WrittenFrame } from '../frame/org-frame.js';
import { observations, units, userRoles } from '../schema/index.js';
import { cellsOf, generateOrg, type GeneratedCell, type GenerateSpec, type GeneratedOrg } from './dataset.js';
import { generatedKpis } from './kpis.js';

export interface OrgLoadResult {
  orgId: string;
  observations: number;
  rollups: number;
  ms: number;
  /** Of which the roll-up refresh. */
  rollupMs: number;
  /** Building the protected release (docs/privacy.md), in the same transaction. */
  releaseMs: number;
}

const INSERT_CHUNK = 2000;
const COPY_COLUMNS = 'org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator, origin, batch_id';

/** The generated KPI catalogue, created or updated (it is shared by every organisation). */
export async function upsertGeneratedKpis(db: Db, count: number): Promise<void> {
  await upsertKpis(db, generatedKpis(count));
}

/**
 * Removes a generated organisation's rows so a second run replaces it instead
 * of failing on duplicates. Generated tenants are test data (org add refuses
 * the gen- prefix): comments and unit-bound roles made while looking at one go
 * with its units; its users and their other roles stay.
 */
async function clearOrg(tx: Db, orgId: string): Promise<void> {
  await dropRollups(tx, orgId);
  await dropRelease(tx, orgId);
  await tx.delete(userRoles).where(inArray(userRoles.unitId, tx.select({ id: units.id }).from(units).where(eq(units.orgId, orgId))));
  await clearOrgData(tx, orgId);
}

/** Everything but the cells, by the one frame writer. Returns unit ids and the batch. */
async function writeGeneratedFrame(tx: Db, spec: GenerateSpec, org: GeneratedOrg, cellTotal: number): Promise<WrittenFrame> {
  await clearOrg(tx, org.id);
  return writeOrgFrame(tx, {
    organisation: { id: org.id, name: org.name },
    units: org.units,
    targets: org.targets,
    batch: {
      fileName: `generate --seed ${spec.seed}`,
      sha256: createHash('sha256')
        .update(JSON.stringify({ ...spec, org: org.id }))
        .digest('hex'),
      format: 'generated',
      rowCount: cellTotal,
      createdBy: 'generate',
    },
  });
}

/** COPY text lines, joined into chunks of about 256 kB so the stream is not one write per row. */
function* copyChunks(orgId: string, cells: Iterable<GeneratedCell>, idOf: ReadonlyMap<string, number>, batchId: number, count: { n: number }): Generator<string> {
  let buf = '';
  for (const c of cells) {
    buf += `${orgId}\t${c.kpiId}\t${idOf.get(c.unitCode)}\t${c.month}\t${c.gender}\t\t${c.numerator}\t${c.denominator ?? '\\N'}\tsynthetic\t${batchId}\n`;
    count.n++;
    if (buf.length > 262_144) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** One organisation in one transaction: frame, cells (COPY on PostgreSQL, multi-row inserts on PGlite), roll-ups. */
export async function loadGeneratedOrg(database: Database, spec: GenerateSpec, index: number, cellTotal: number): Promise<OrgLoadResult> {
  const started = performance.now();
  const org = generateOrg(spec, index);
  const count = { n: 0 };
  let rollups = 0;
  let rollupMs = 0;
  let releaseMs = 0;
  const refresh = async (tx: Db) => {
    const t = performance.now();
    rollups = await refreshRollups(tx, org.id);
    rollupMs = performance.now() - t;
    const r = performance.now();
    await rebuildRelease(tx, org.id);
    releaseMs = performance.now() - r;
  };
  if (database.kind === 'postgres') {
    await database.db.transaction(async (tx) => {
      // drizzle keeps the postgres-js transaction connection on its session; COPY has to run on that one.
      const sql = (tx as unknown as { session: { client: postgres.TransactionSql } }).session.client;
      const { idOf, batchId } = await writeGeneratedFrame(tx, spec, org, cellTotal);
      const writable = await sql.unsafe(`COPY observations (${COPY_COLUMNS}) FROM STDIN`).writable();
      await pipeline(Readable.from(copyChunks(org.id, cellsOf(spec, org), idOf, batchId, count)), writable);
      await refresh(tx);
    });
  } else {
    await database.db.transaction(async (tx) => {
      const { idOf, batchId } = await writeGeneratedFrame(tx, spec, org, cellTotal);
      let rows: (typeof observations.$inferInsert)[] = [];
      const flush = async () => {
        if (rows.length) await tx.insert(observations).values(rows);
        rows = [];
      };
      for (const c of cellsOf(spec, org)) {
        const unitId = idOf.get(c.unitCode);
        if (unitId === undefined) throw new Error(`unknown unit ${c.unitCode}`);
        rows.push({ orgId: org.id, kpiId: c.kpiId, unitId, month: c.month, gender: c.gender, numerator: c.numerator, denominator: c.denominator, origin: 'synthetic', batchId });
        count.n++;
        if (rows.length >= INSERT_CHUNK) await flush();
      }
      await flush();
      await refresh(tx);
    });
  }
  return { orgId: org.id, observations: count.n, rollups, ms: performance.now() - started, rollupMs, releaseMs };
}
