/**
 * The report's life: a live draft made from today's data with the
 * förvaltning's own sammantagen bedömning, and fastställda versions frozen as
 * JSON so later imports do not change them. A version shown beside today's
 * data lists what has moved since (domain/report/diff.ts).
 */
import { appendReportVersion, findReportVersion, listReportVersions, recordEvent, reportSummary, saveReportSummary, unitIdsByCode, type Db } from '@lagesbild/db';
import { diffReports, monthsOf, periodKey, reportTitle, type Period, type ReportChange, type ReportDocument, type ReportVersionInfo } from '@lagesbild/domain';
import { auditAs, type Actor } from '../access/audit.js';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { InputError, NotFoundError } from '../errors.js';
import { renderReportDocx, renderReportPdf } from '@lagesbild/report-pdf';
import { buildReportDocument } from './report-document.js';

/** The sammantagen bedömning is prose of a few pages at most. */
export const REPORT_SUMMARY_MAX_LENGTH = 20_000;

export interface ReportScope {
  unit: string;
  period: Period;
  access: UnitAccess;
  latest: string | null;
}

export interface ReportBundle {
  document: ReportDocument;
  /** The fastställd version shown, or null for today's data. */
  version: ReportVersionInfo | null;
  /** Every fastställd version, newest first. */
  versions: ReportVersionInfo[];
  /** When a version is shown: what differs from the report made from today's data. */
  changes: ReportChange[] | null;
}

async function keyOf(db: Db, engine: EngineContext, s: ReportScope) {
  const unitId = (await unitIdsByCode(db, engine.orgId, [s.unit])).get(s.unit);
  if (unitId === undefined) throw new NotFoundError(`Enheten "${s.unit}" finns inte.`);
  return { orgId: engine.orgId, unitId, period: periodKey(s.period) };
}

const versionInfo = (r: { version: number; createdBy: string; createdAt: Date }): ReportVersionInfo => ({
  version: r.version,
  faststalldBy: r.createdBy,
  faststalldAt: r.createdAt.toISOString(),
});

/** The report from today's data, with the draft's sammantagen bedömning. */
export async function liveReport(db: Db, engine: EngineContext, s: ReportScope, now: Date): Promise<ReportDocument> {
  const summary = await reportSummary(db, await keyOf(db, engine, s));
  return buildReportDocument(db, engine, { ...s, summary, now });
}

/** Today's report, or a fastställd version with what has changed since. */
export async function getReport(db: Db, engine: EngineContext, s: ReportScope, version: number | null, now: Date): Promise<ReportBundle> {
  const key = await keyOf(db, engine, s);
  const [live, versions] = await Promise.all([liveReport(db, engine, s, now), listReportVersions(db, key)]);
  const infos = versions.map(versionInfo);
  if (version === null) return { document: live, version: null, versions: infos, changes: null };
  const frozen = await findReportVersion(db, key, version);
  if (!frozen) throw new NotFoundError(`Rapporten för ${key.period} har ingen fastställd version ${version}.`);
  return { document: frozen.document, version: versionInfo(frozen), versions: infos, changes: diffReports(frozen.document, live) };
}

/** Saves the sammantagen bedömning of the draft, with its audit entry and live event. */
export async function saveSummary(db: Db, engine: EngineContext, s: ReportScope, raw: string, actor: Actor): Promise<void> {
  const summary = raw.replace(/\r\n?/g, '\n').trim();
  const length = [...summary].length;
  if (length > REPORT_SUMMARY_MAX_LENGTH) throw new InputError(`Den sammantagna bedömningen är för lång: ${length} tecken, högst ${REPORT_SUMMARY_MAX_LENGTH}.`);
  const key = await keyOf(db, engine, s);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await saveReportSummary(txDb, key, summary, actor.id);
    await auditAs(txDb, actor, { orgId: engine.orgId, action: 'report.summary_saved', target: `report:${s.unit}:${key.period}`, detail: { length } });
    await recordEvent(txDb, engine.orgId, 'report.changed', { kpis: [], units: [s.unit], months: monthsOf(s.period), note: 'summary' });
  });
}

/**
 * Fastställer the report: today's document is frozen as the next version.
 * The document is made before the transaction (it reads the release), and
 * stored with the audit entry and event in one.
 */
export async function faststallReport(db: Db, engine: EngineContext, s: ReportScope, actor: Actor, now: Date): Promise<ReportVersionInfo> {
  const key = await keyOf(db, engine, s);
  const document = await liveReport(db, engine, s, now);
  const row = await storeVersion(db, async (tx) => {
    const txDb = tx as unknown as Db;
    const r = await appendReportVersion(txDb, key, document, actor.id);
    await auditAs(txDb, actor, { orgId: engine.orgId, action: 'report.faststalld', target: `report:${s.unit}:${key.period}`, detail: { version: r.version } });
    await recordEvent(txDb, engine.orgId, 'report.changed', { kpis: [], units: [s.unit], months: monthsOf(s.period), note: `version ${r.version}` });
    return r;
  });
  return versionInfo(row);
}

const isUniqueViolation = (err: unknown): boolean => {
  const code = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? (e).code : undefined);
  return code(err) === '23505' || (typeof err === 'object' && err !== null && 'cause' in err && code((err).cause) === '23505');
};

/** Two people fastställer at once: the second is told, rather than shown a database error. */
async function storeVersion<T>(db: Db, write: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(write);
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError('Rapporten fastställdes samtidigt av någon annan. Ladda om sidan för att se den nya versionen.');
    throw err;
  }
}

/** A version's document, or today's when none is asked for: what the PDF prints. */
export async function reportForPrint(
  db: Db,
  engine: EngineContext,
  s: ReportScope,
  version: number | null,
  now: Date,
): Promise<{ document: ReportDocument; version: ReportVersionInfo | null }> {
  if (version === null) return { document: await liveReport(db, engine, s, now), version: null };
  const frozen = await findReportVersion(db, await keyOf(db, engine, s), version);
  if (!frozen) throw new NotFoundError(`Rapporten för ${periodKey(s.period)} har ingen fastställd version ${version}.`);
  return { document: frozen.document, version: versionInfo(frozen) };
}

export type ReportFileFormat = 'pdf' | 'docx';

const FILE_TYPES: Record<ReportFileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** "delarsrapport-2020-SOC-v2.pdf": the period, unit and version, in letters every file system takes. */
function fileNameOf(doc: ReportDocument, version: ReportVersionInfo | null, format: ReportFileFormat): string {
  const title = reportTitle(doc)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  const safeUnit = doc.unit.replace(/[^A-Za-z0-9_-]+/g, '_');
  return `${title}-${safeUnit}${version ? `-v${version.version}` : ''}.${format}`;
}

/** The report as a file for download: made on the server, so every copy prints the same. */
export async function reportFile(
  db: Db,
  engine: EngineContext,
  s: ReportScope,
  q: { version: number | null; format: ReportFileFormat },
  now: Date,
): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const { document, version } = await reportForPrint(db, engine, s, q.version, now);
  const meta = version ? { faststalld: { version: version.version, by: version.faststalldBy, at: version.faststalldAt } } : {};
  const bytes = q.format === 'pdf' ? await renderReportPdf(document, meta) : await renderReportDocx(document, meta);
  return { fileName: fileNameOf(document, version, q.format), mimeType: FILE_TYPES[q.format], base64: Buffer.from(bytes).toString('base64') };
}
