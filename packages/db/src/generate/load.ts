import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, inArray } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Database, Db } from '../client.js';
import { dropRollups, refreshRollups } from '../rollups/refresh.js';
import { comments, importBatches, kpis, observationHistory, observations, organisations, targets, unitLinks, unitNames, units, userRoles } from '../schema/index.js';
import { cellsOf, generateOrg, type GeneratedCell, type GenerateSpec, type GeneratedOrg } from './dataset.js';
import { generatedKpis } from './kpis.js';

export interface OrgLoadResult {
  orgId: string;
  observations: number;
  rollups: number;
  ms: number;
  /** Of which the roll-up refresh. */
  rollupMs: number;
}

const INSERT_CHUNK = 2000;
const COPY_COLUMNS = 'org_id, kpi_id, unit_id, month, gender, age_band, numerator, denominator, origin, batch_id';

/** The generated KPI catalogue, created or updated (it is shared by every organisation). */
export async function upsertGeneratedKpis(db: Db, count: number): Promise<void> {
  for (const k of generatedKpis(count)) {
    const { ratioOf, ...rest } = k;
    const row = { ...rest, ratioNumerator: ratioOf?.numerator ?? null, ratioDenominator: ratioOf?.denominator ?? null };
    await db.insert(kpis).values(row).onConflictDoUpdate({ target: kpis.id, set: row });
  }
}

/**
 * Removes a generated organisation's rows so a second run replaces it instead
 * of failing on duplicates. Generated tenants are test data (org add refuses
 * the gen- prefix): comments and unit-bound roles made while looking at one go
 * with its units; its users and their other roles stay.
 */
async function clearOrg(tx: Db, orgId: string): Promise<void> {
  const orgUnits = tx.select({ id: units.id }).from(units).where(eq(units.orgId, orgId));
  await dropRollups(tx, orgId);
  await tx.delete(comments).where(eq(comments.orgId, orgId));
  await tx.delete(userRoles).where(inArray(userRoles.unitId, orgUnits));
  await tx.delete(observationHistory).where(eq(observationHistory.orgId, orgId));
  await tx.delete(observations).where(eq(observations.orgId, orgId));
  await tx.delete(targets).where(eq(targets.orgId, orgId));
  await tx.delete(importBatches).where(eq(importBatches.orgId, orgId));
  await tx.delete(unitLinks).where(inArray(unitLinks.unitId, orgUnits));
  await tx.delete(unitNames).where(inArray(unitNames.unitId, orgUnits));
  await tx.delete(units).where(eq(units.orgId, orgId));
}

/** Everything but the cells: organisation, tree, a batch the cells belong to, targets. Returns unit ids and the batch. */
async function writeOrgFrame(tx: Db, spec: GenerateSpec, org: GeneratedOrg, cellTotal: number): Promise<{ idOf: Map<string, number>; batchId: number }> {
  await clearOrg(tx, org.id);
  await tx.insert(organisations).values({ id: org.id, name: org.name }).onConflictDoUpdate({ target: organisations.id, set: { name: org.name } });
  const inserted = await tx
    .insert(units)
    .values(org.units.map((u) => ({ orgId: org.id, code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo })))
    .returning({ id: units.id, code: units.code });
  const idOf = new Map(inserted.map((u) => [u.code, u.id]));
  const id = (code: string): number => {
    const v = idOf.get(code);
    if (v === undefined) throw new Error(`generated data refers to unknown unit ${code}`);
    return v;
  };
  await tx.insert(unitNames).values(org.units.flatMap((u) => u.names.map((n) => ({ unitId: id(u.code), ...n }))));
  const links = org.units.flatMap((u) => u.parents.map((p) => ({ unitId: id(u.code), parentId: id(p.parentCode), validFrom: p.validFrom, validTo: p.validTo })));
  if (links.length) await tx.insert(unitLinks).values(links);
  const [batch] = await tx
    .insert(importBatches)
    .values({
      orgId: org.id,
      fileName: `generate --seed ${spec.seed}`,
      sha256: createHash('sha256').update(JSON.stringify({ ...spec, org: org.id })).digest('hex'),
      format: 'generated',
      origin: 'synthetic',
      rowCount: cellTotal,
      summary: { inserted: cellTotal, updated: 0, unchanged: 0 },
      createdBy: 'generate',
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error('no import batch');
  for (let i = 0; i < org.targets.length; i += INSERT_CHUNK) {
    await tx.insert(targets).values(
      org.targets.slice(i, i + INSERT_CHUNK).map((t) => ({ orgId: org.id, kpiId: t.kpiId, unitId: id(t.unitCode), year: t.year, annual: t.annual, monthly: t.monthly, tolerance: t.tolerance, toleranceKind: t.toleranceKind, origin: t.origin, source: t.source })),
    );
  }
  return { idOf, batchId: batch.id };
}

/** COPY text lines, joined into chunks of about 256 kB so the stream is not one write per row. */
function* copyChunks(orgId: string, cells: Iterable<GeneratedCell>, idOf: Map<string, number>, batchId: number, count: { n: number }): Generator<string> {
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
  const refresh = async (tx: Db) => {
    const t = performance.now();
    rollups = await refreshRollups(tx, org.id);
    rollupMs = performance.now() - t;
  };
  if (database.kind === 'postgres') {
    await database.db.transaction(async (tx) => {
      // drizzle keeps the postgres-js transaction connection on its session; COPY has to run on that one.
      const sql = (tx as unknown as { session: { client: postgres.TransactionSql } }).session.client;
      const { idOf, batchId } = await writeOrgFrame(tx, spec, org, cellTotal);
      const writable = await sql.unsafe(`COPY observations (${COPY_COLUMNS}) FROM STDIN`).writable();
      await pipeline(Readable.from(copyChunks(org.id, cellsOf(spec, org), idOf, batchId, count)), writable);
      await refresh(tx);
    });
  } else {
    await database.db.transaction(async (tx) => {
      const { idOf, batchId } = await writeOrgFrame(tx, spec, org, cellTotal);
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
  return { orgId: org.id, observations: count.n, rollups, ms: performance.now() - started, rollupMs };
}
