import type { ReportDocument } from '@lagesbild/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reportDrafts, reportVersions } from '../schema/index.js';
import { firstOrNull, one } from './rows.js';

export type ReportVersionRow = typeof reportVersions.$inferSelect;

interface ReportKey {
  orgId: string;
  unitId: number;
  period: string;
}

const draftKey = (k: ReportKey) => and(eq(reportDrafts.orgId, k.orgId), eq(reportDrafts.unitId, k.unitId), eq(reportDrafts.period, k.period));
const versionKey = (k: ReportKey) => and(eq(reportVersions.orgId, k.orgId), eq(reportVersions.unitId, k.unitId), eq(reportVersions.period, k.period));

/** The sammantagen bedömning written so far ('' when none). */
export async function reportSummary(db: Db, k: ReportKey): Promise<string> {
  const row = await firstOrNull(db.select({ summary: reportDrafts.summary }).from(reportDrafts).where(draftKey(k)).limit(1));
  return row?.summary ?? '';
}

export async function saveReportSummary(db: Db, k: ReportKey, summary: string, by: string): Promise<void> {
  await db
    .insert(reportDrafts)
    .values({ ...k, summary, updatedBy: by })
    .onConflictDoUpdate({ target: [reportDrafts.orgId, reportDrafts.unitId, reportDrafts.period], set: { summary, updatedBy: by, updatedAt: sql`now()` } });
}

/** The fastställda versions, newest first, without their documents. */
export function listReportVersions(db: Db, k: ReportKey): Promise<Omit<ReportVersionRow, 'document'>[]> {
  return db
    .select({
      id: reportVersions.id,
      orgId: reportVersions.orgId,
      unitId: reportVersions.unitId,
      period: reportVersions.period,
      version: reportVersions.version,
      createdBy: reportVersions.createdBy,
      createdAt: reportVersions.createdAt,
    })
    .from(reportVersions)
    .where(versionKey(k))
    .orderBy(desc(reportVersions.version));
}

export function findReportVersion(db: Db, k: ReportKey, version: number): Promise<ReportVersionRow | null> {
  return firstOrNull(
    db
      .select()
      .from(reportVersions)
      .where(and(versionKey(k), eq(reportVersions.version, version)))
      .limit(1),
  );
}

/**
 * Appends the next version. Two people fastställer at once: the unique key
 * refuses the second insert of the same number, so no version is overwritten.
 */
export async function appendReportVersion(db: Db, k: ReportKey, document: ReportDocument, by: string): Promise<ReportVersionRow> {
  const [last] = await db.select({ version: reportVersions.version }).from(reportVersions).where(versionKey(k)).orderBy(desc(reportVersions.version)).limit(1);
  return one(
    db
      .insert(reportVersions)
      .values({ ...k, version: (last?.version ?? 0) + 1, document, createdBy: by })
      .returning(),
    'report_versions',
  );
}
