/**
 * Kolada beside our own figures (issue 20): a fetch or a file goes into the
 * shared Kolada tables in one transaction with its audit entry; an
 * organisation maps its KPIs to Kolada KPIs and chooses whom to compare with;
 * KPI detail reads the comparison. Never mixed into our own series.
 */
import {
  deleteKoladaMapping,
  koladaComparisonData,
  koladaRefreshTargets,
  koladaSettings,
  listKpis,
  listManualIndicators,
  setIndicatorKolada,
  setKoladaComparison,
  setKoladaMapping,
  storeKoladaFetch,
  type Db,
  type KoladaFetchInput,
  type KoladaFetchResult,
} from '@lagesbild/db';
import {
  comparisonTable,
  fetchKoladaData,
  fetchKoladaKpis,
  fetchKoladaMunicipalities,
  KoladaFetchError,
  KoladaFileError,
  koladaRows,
  parseKoladaFile,
  type ComparisonTable,
  type KoladaClientOptions,
  type KoladaDataQuery,
  type KoladaFile,
} from '@lagesbild/kolada';
import { auditAs, type Actor } from '../access/audit.js';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow } from '../engine/kpi-values.js';
import { InputError, NotFoundError } from '../errors.js';

/** Named wherever a Kolada figure is shown. */
export const KOLADA_SOURCE = 'Kolada (RKA)';
const KOLADA_KPI_ID = /^[A-Z]\d{5}$/;
const MUNICIPALITY_ID = /^(\d{4}|G\d+)$/;

function fetchInput(file: KoladaFile, source: KoladaFetchInput['source'], origin: string, actor: Actor): KoladaFetchInput {
  return {
    source,
    origin,
    fetchedBy: actor.id,
    values: koladaRows(file.values),
    kpis: file.kpis.map((k) => ({
      id: k.id,
      title: k.title,
      description: k.description ?? '',
      dividedByGender: k.is_divided_by_gender ?? false,
      operatingArea: k.operating_area ?? '',
      publicationDate: k.publication_date ?? null,
    })),
    municipalities: [
      ...file.municipalities.map((m) => ({ id: m.id, title: m.title, type: m.type ?? 'K' })),
      ...file.groups.map((g) => ({ id: g.id, title: g.title, type: 'G', members: g.members.map((x) => x.id) })),
    ],
  };
}

async function store(db: Db, orgId: string, input: KoladaFetchInput, actor: Actor): Promise<KoladaFetchResult> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const r = await storeKoladaFetch(txDb, input);
    await auditAs(txDb, actor, { orgId, action: 'kolada.imported', target: `kolada:${r.fetchId}`, detail: { source: input.source, origin: input.origin, ...r } });
    return r;
  });
}

/** A Kolada file read by an admin (a server without internet). */
export async function importKoladaFile(db: Db, orgId: string, file: { text: string; name: string; source?: 'file' | 'demo' }, actor: Actor): Promise<KoladaFetchResult> {
  try {
    return await store(db, orgId, fetchInput(parseKoladaFile(file.text, file.name), file.source ?? 'file', file.name, actor), actor);
  } catch (err) {
    if (err instanceof KoladaFileError) throw new InputError(err.message);
    throw err;
  }
}

/** The scheduled (or asked-for) fetch from Kolada's API: all pages of data and metadata first, then one write. */
export async function fetchKolada(db: Db, orgId: string, q: KoladaDataQuery, options: KoladaClientOptions, actor: Actor): Promise<KoladaFetchResult> {
  if (q.kpis.some((k) => !KOLADA_KPI_ID.test(k))) throw new InputError(`Kolada-id skrivs som en bokstav och fem siffror, t.ex. N31807 (fick ${q.kpis.join(', ')}).`);
  try {
    const [values, kpis, municipalities] = await Promise.all([fetchKoladaData(q, options), fetchKoladaKpis(q.kpis, options), fetchKoladaMunicipalities(q.municipalities, options)]);
    const origin = `${options.baseUrl ?? 'api.kolada.se'}: ${q.kpis.join(',')} / ${q.municipalities.join(',')} / ${q.years.join(',')}`;
    return await store(db, orgId, fetchInput({ values, kpis, municipalities, groups: [] }, 'api', origin, actor), actor);
  } catch (err) {
    if (err instanceof KoladaFetchError || err instanceof KoladaFileError) throw new InputError(err.message);
    throw err;
  }
}

/** Kolada publishes a year's figures during the next spring: a refresh asks for the five years before `now`'s. */
export const KOLADA_REFRESH_YEARS = 5;

/**
 * The scheduled refresh (and `lagesbild kolada fetch` without flags): the
 * organisation's mapped Kolada KPIs for everyone it compares with. Null when
 * nothing is mapped yet, so nothing is asked of Kolada.
 */
export async function refreshKolada(db: Db, orgId: string, now: Date, options: KoladaClientOptions, actor: Actor): Promise<KoladaFetchResult | null> {
  const t = await koladaRefreshTargets(db, orgId);
  if (t.kpis.length === 0) return null;
  const last = now.getUTCFullYear() - 1;
  const years = Array.from({ length: KOLADA_REFRESH_YEARS }, (_, i) => last - KOLADA_REFRESH_YEARS + 1 + i);
  return fetchKolada(db, orgId, { kpis: t.kpis, municipalities: t.municipalities, years }, options, actor);
}

export async function mapKoladaKpi(db: Db, orgId: string, m: { kpi: string; koladaKpi: string; note: string }, actor: Actor): Promise<void> {
  if (!(await listKpis(db)).some((k) => k.id === m.kpi)) throw new NotFoundError(`Nyckeltalet "${m.kpi}" finns inte.`);
  if (!KOLADA_KPI_ID.test(m.koladaKpi)) throw new InputError(`Kolada-id skrivs som en bokstav och fem siffror, t.ex. N31807 (fick "${m.koladaKpi}").`);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await setKoladaMapping(txDb, { orgId, kpiId: m.kpi, koladaKpi: m.koladaKpi, note: m.note.trim(), updatedBy: actor.id });
    await auditAs(txDb, actor, { orgId, action: 'kolada.mapped', target: `kpi:${m.kpi}`, detail: { ...m } });
  });
}

/** Links a hand-assessed goal indicator to a Kolada KPI (null unlinks): the annex then prints Kolada's Riket beside it. */
export async function mapKoladaIndicator(db: Db, orgId: string, m: { indicatorId: number; koladaKpi: string | null }, actor: Actor): Promise<void> {
  if (m.koladaKpi !== null && !KOLADA_KPI_ID.test(m.koladaKpi)) throw new InputError(`Kolada-id skrivs som en bokstav och fem siffror, t.ex. N31807 (fick "${m.koladaKpi}").`);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    if (!(await setIndicatorKolada(txDb, orgId, m.indicatorId, m.koladaKpi))) throw new NotFoundError(`Indikatorn ${m.indicatorId} finns inte bland målens egna indikatorer.`);
    await auditAs(txDb, actor, { orgId, action: 'kolada.mapped', target: `indicator:${m.indicatorId}`, detail: { ...m } });
  });
}

export async function chooseKoladaComparison(db: Db, orgId: string, c: { own: string; group: string | null; municipalities: string[] }, actor: Actor): Promise<void> {
  const bad = [c.own, ...(c.group ? [c.group] : []), ...c.municipalities].find((id) => !MUNICIPALITY_ID.test(id));
  if (bad !== undefined) throw new InputError(`"${bad}" är inget kommun-id i Kolada: fyra siffror (0483 för Katrineholm, 0000 för Riket) eller en kommungrupp (G…).`);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await setKoladaComparison(txDb, { orgId, ownMunicipality: c.own, groupId: c.group, municipalities: c.municipalities });
    await auditAs(txDb, actor, { orgId, action: 'kolada.comparison_set', target: `org:${orgId}`, detail: { ...c } });
  });
}

export interface KoladaComparisonView extends ComparisonTable {
  source: typeof KOLADA_SOURCE;
  koladaKpi: string;
  title: string | null;
  /** Where Kolada's definition differs from ours (calendar year, other denominator). */
  note: string;
  /** The note in English where written; null: the Swedish one. */
  noteEn: string | null;
  fetchedAt: string | null;
}

/** Kolada's yearly figures for a KPI of ours, or null when it has no mapping. Public figures: no suppression applies. */
export async function koladaComparison(db: Db, engine: EngineContext, kpi: string): Promise<KoladaComparisonView | null> {
  kpiOrThrow(engine, kpi);
  const data = await koladaComparisonData(db, engine.orgId, kpi);
  if (!data) return null;
  const table = comparisonTable({ values: data.values, own: data.ownMunicipality, group: data.group, chosen: data.chosen, names: data.names });
  return {
    ...table,
    source: KOLADA_SOURCE,
    koladaKpi: data.koladaKpi,
    title: data.kpi?.title ?? null,
    note: data.note,
    noteEn: data.noteEn,
    fetchedAt: data.fetchedAt?.toISOString() ?? null,
  };
}

/** What the admin page shows: the mappings (with our KPI names), the comparison, and the stored Kolada KPIs and municipalities to choose from. */
export async function koladaAdminView(db: Db, orgId: string) {
  const [settings, ours, indicators] = await Promise.all([koladaSettings(db, orgId), listKpis(db), listManualIndicators(db, orgId)]);
  const name = new Map(ours.map((k) => [k.id, k.name]));
  return {
    ...settings,
    mappings: settings.mappings.map((m) => ({
      kpi: m.kpiId,
      kpiName: name.get(m.kpiId) ?? m.kpiId,
      koladaKpi: m.koladaKpi,
      note: m.note,
      updatedBy: m.updatedBy,
      updatedAt: m.updatedAt.toISOString(),
    })),
    lastFetch: settings.lastFetch ? { ...settings.lastFetch, fetchedAt: settings.lastFetch.fetchedAt.toISOString() } : null,
    /** The goals' hand-assessed indicators, each with the Kolada KPI its Riket comes from. */
    indicators,
  };
}

export async function unmapKoladaKpi(db: Db, orgId: string, kpi: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    if (!(await deleteKoladaMapping(txDb, orgId, kpi))) throw new NotFoundError(`Nyckeltalet "${kpi}" jämförs inte med Kolada.`);
    await auditAs(txDb, actor, { orgId, action: 'kolada.mapped', target: `kpi:${kpi}`, detail: { kpi, koladaKpi: null } });
  });
}
