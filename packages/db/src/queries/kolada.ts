import { and, desc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { goalIndicators, koladaComparisons, koladaFetches, koladaKpis, koladaMappings, koladaMunicipalities, koladaValues } from '../schema/index.js';

/** One Kolada figure as read from the API or a file (the shape of @lagesbild/kolada's rows). */
export interface KoladaValueInput {
  kpi: string;
  municipality: string;
  year: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  count: number | null;
  status: string;
}

export interface KoladaFetchInput {
  source: 'api' | 'file' | 'demo';
  origin: string;
  fetchedBy: string;
  values: readonly KoladaValueInput[];
  kpis: readonly { id: string; title: string; description?: string | null; dividedByGender?: boolean; operatingArea?: string | null; publicationDate?: string | null }[];
  municipalities: readonly { id: string; title: string; type?: string | null; members?: readonly string[] }[];
}

export interface KoladaFetchResult {
  fetchId: number;
  valuesNew: number;
  valuesRevised: number;
  valuesSame: number;
}

const keyOf = (v: { koladaKpi: string; municipality: string; year: number; gender: string }) => `${v.koladaKpi}|${v.municipality}|${v.year}|${v.gender}`;

/**
 * Stores one fetch in one transaction: definitions and names are replaced,
 * a figure Kolada has revised supersedes the current one (kept as history), an
 * unchanged figure is not written again. Nothing is stored if any part fails.
 */
export async function storeKoladaFetch(db: Db, input: KoladaFetchInput): Promise<KoladaFetchResult> {
  return db.transaction(async (tx) => {
    const [fetch] = await tx
      .insert(koladaFetches)
      .values({ source: input.source, origin: input.origin, fetchedBy: input.fetchedBy, valuesNew: 0, valuesRevised: 0, valuesSame: 0 })
      .returning({ id: koladaFetches.id });
    if (!fetch) throw new Error('kolada_fetches: insert returned nothing');
    for (const k of input.kpis) {
      const row = {
        title: k.title,
        description: k.description ?? '',
        dividedByGender: k.dividedByGender ?? false,
        operatingArea: k.operatingArea ?? '',
        publicationDate: k.publicationDate ?? null,
        fetchId: fetch.id,
      };
      await tx
        .insert(koladaKpis)
        .values({ id: k.id, ...row })
        .onConflictDoUpdate({ target: koladaKpis.id, set: row });
    }
    for (const m of input.municipalities) {
      const row = { title: m.title, type: m.type ?? 'K', members: [...(m.members ?? [])] };
      await tx
        .insert(koladaMunicipalities)
        .values({ id: m.id, ...row })
        .onConflictDoUpdate({ target: koladaMunicipalities.id, set: row });
    }
    const kpiIds = [...new Set(input.values.map((v) => v.kpi))];
    const current = new Map(
      kpiIds.length === 0
        ? []
        : (
            await tx
              .select()
              .from(koladaValues)
              .where(and(inArray(koladaValues.koladaKpi, kpiIds), isNull(koladaValues.supersededBy)))
          ).map((r) => [keyOf(r), r]),
    );
    const result = { fetchId: fetch.id, valuesNew: 0, valuesRevised: 0, valuesSame: 0 };
    const inserts: (typeof koladaValues.$inferInsert)[] = [];
    for (const v of input.values) {
      const row = { koladaKpi: v.kpi, municipality: v.municipality, year: v.year, gender: v.gender, value: v.value, count: v.count, status: v.status, fetchId: fetch.id };
      const had = current.get(keyOf(row));
      if (had && had.value === v.value && had.status === v.status && had.count === v.count) {
        result.valuesSame++;
        continue;
      }
      if (had) {
        await tx.update(koladaValues).set({ supersededBy: fetch.id }).where(eq(koladaValues.id, had.id));
        result.valuesRevised++;
      } else result.valuesNew++;
      inserts.push(row);
    }
    for (let i = 0; i < inserts.length; i += 1_000) await tx.insert(koladaValues).values(inserts.slice(i, i + 1_000));
    await tx.update(koladaFetches).set({ valuesNew: result.valuesNew, valuesRevised: result.valuesRevised, valuesSame: result.valuesSame }).where(eq(koladaFetches.id, fetch.id));
    return result;
  });
}

export type KoladaValueRow = typeof koladaValues.$inferSelect;

/** Every stored version of one figure, oldest first: Kolada's revisions. */
export async function koladaValueHistory(
  db: Db,
  key: { koladaKpi: string; municipality: string; year: number; gender: 'T' | 'K' | 'M' },
): Promise<(KoladaValueRow & { fetchedAt: Date })[]> {
  const rows = await db
    .select({ v: koladaValues, fetchedAt: koladaFetches.fetchedAt })
    .from(koladaValues)
    .innerJoin(koladaFetches, eq(koladaFetches.id, koladaValues.fetchId))
    .where(and(eq(koladaValues.koladaKpi, key.koladaKpi), eq(koladaValues.municipality, key.municipality), eq(koladaValues.year, key.year), eq(koladaValues.gender, key.gender)))
    .orderBy(koladaValues.id);
  return rows.map((r) => ({ ...r.v, fetchedAt: r.fetchedAt }));
}

export async function setKoladaMapping(db: Db, m: { orgId: string; kpiId: string; koladaKpi: string; note: string; noteEn?: string | null; updatedBy: string }): Promise<void> {
  // A note saved without English drops the old English one: it would no longer say what the Swedish says.
  const set = { koladaKpi: m.koladaKpi, note: m.note, noteEn: m.noteEn ?? null, updatedBy: m.updatedBy, updatedAt: new Date() };
  await db
    .insert(koladaMappings)
    .values({ ...m })
    .onConflictDoUpdate({ target: [koladaMappings.orgId, koladaMappings.kpiId], set });
}

export async function deleteKoladaMapping(db: Db, orgId: string, kpiId: string): Promise<boolean> {
  const gone = await db
    .delete(koladaMappings)
    .where(and(eq(koladaMappings.orgId, orgId), eq(koladaMappings.kpiId, kpiId)))
    .returning({ kpiId: koladaMappings.kpiId });
  return gone.length > 0;
}

export async function listKoladaMappings(db: Db, orgId: string): Promise<(typeof koladaMappings.$inferSelect)[]> {
  return db.select().from(koladaMappings).where(eq(koladaMappings.orgId, orgId)).orderBy(koladaMappings.kpiId);
}

export async function setKoladaComparison(db: Db, c: { orgId: string; ownMunicipality: string; groupId: string | null; municipalities: readonly string[] }): Promise<void> {
  const set = { ownMunicipality: c.ownMunicipality, groupId: c.groupId, municipalities: [...c.municipalities] };
  await db
    .insert(koladaComparisons)
    .values({ orgId: c.orgId, ...set })
    .onConflictDoUpdate({ target: koladaComparisons.orgId, set });
}

export interface KoladaComparisonData {
  koladaKpi: string;
  note: string;
  noteEn: string | null;
  kpi: { title: string; description: string; dividedByGender: boolean } | null;
  ownMunicipality: string | null;
  group: { id: string; title: string; members: string[] } | null;
  chosen: string[];
  names: Record<string, string>;
  /** Current figures of every municipality named above (own, Riket 0000, the group's members, the chosen ones). */
  values: KoladaValueRow[];
  fetchedAt: Date | null;
}

/** What an organisation compares one KPI with; null when the KPI has no Kolada mapping. */
export async function koladaComparisonData(db: Db, orgId: string, kpiId: string): Promise<KoladaComparisonData | null> {
  const mapping = (await listKoladaMappings(db, orgId)).find((m) => m.kpiId === kpiId);
  if (!mapping) return null;
  const [settings] = await db.select().from(koladaComparisons).where(eq(koladaComparisons.orgId, orgId));
  const [kpi] = await db.select().from(koladaKpis).where(eq(koladaKpis.id, mapping.koladaKpi));
  const [group] = settings?.groupId ? await db.select().from(koladaMunicipalities).where(eq(koladaMunicipalities.id, settings.groupId)) : [];
  const chosen = settings?.municipalities ?? [];
  const ids = [...new Set(['0000', ...(settings ? [settings.ownMunicipality] : []), ...chosen, ...(group?.members ?? [])])];
  const values = await db
    .select()
    .from(koladaValues)
    .where(and(eq(koladaValues.koladaKpi, mapping.koladaKpi), inArray(koladaValues.municipality, ids), isNull(koladaValues.supersededBy)))
    .orderBy(koladaValues.municipality, koladaValues.year, koladaValues.gender);
  const named = await db.select({ id: koladaMunicipalities.id, title: koladaMunicipalities.title }).from(koladaMunicipalities).where(inArray(koladaMunicipalities.id, ids));
  const fetchIds = [...new Set(values.map((v) => v.fetchId))];
  const fetches = fetchIds.length ? await db.select({ at: koladaFetches.fetchedAt }).from(koladaFetches).where(inArray(koladaFetches.id, fetchIds)) : [];
  return {
    koladaKpi: mapping.koladaKpi,
    note: mapping.note,
    noteEn: mapping.noteEn,
    kpi: kpi ? { title: kpi.title, description: kpi.description, dividedByGender: kpi.dividedByGender } : null,
    ownMunicipality: settings?.ownMunicipality ?? null,
    group: group ? { id: group.id, title: group.title, members: group.members } : null,
    chosen,
    names: Object.fromEntries(named.map((n) => [n.id, n.title])),
    values,
    fetchedAt: fetches.reduce<Date | null>((a, f) => (a && a > f.at ? a : f.at), null),
  };
}

/** What a refresh of one organisation's comparison fetches: its mapped Kolada KPIs (of KPIs and of goal indicators) for everyone it compares with. */
export async function koladaRefreshTargets(db: Db, orgId: string): Promise<{ kpis: string[]; municipalities: string[] }> {
  const linked = await db
    .selectDistinct({ koladaKpi: goalIndicators.koladaKpi })
    .from(goalIndicators)
    .where(and(eq(goalIndicators.orgId, orgId), isNotNull(goalIndicators.koladaKpi)));
  const mapped = [...(await listKoladaMappings(db, orgId)), ...linked.flatMap((l) => (l.koladaKpi === null ? [] : [{ koladaKpi: l.koladaKpi }]))];
  const [settings] = await db.select().from(koladaComparisons).where(eq(koladaComparisons.orgId, orgId));
  const [group] = settings?.groupId ? await db.select().from(koladaMunicipalities).where(eq(koladaMunicipalities.id, settings.groupId)) : [];
  const municipalities = ['0000', ...(settings ? [settings.ownMunicipality, ...settings.municipalities] : []), ...(group?.members ?? [])];
  return { kpis: [...new Set(mapped.map((m) => m.koladaKpi))].sort(), municipalities: [...new Set(municipalities)] };
}

/** The admin page's view: the organisation's mappings and comparison, and what Kolada data is stored to choose from. */
export async function koladaSettings(db: Db, orgId: string) {
  const [mappings, [comparison], known, places, [last]] = await Promise.all([
    listKoladaMappings(db, orgId),
    db.select().from(koladaComparisons).where(eq(koladaComparisons.orgId, orgId)),
    db.select({ id: koladaKpis.id, title: koladaKpis.title }).from(koladaKpis).orderBy(koladaKpis.id),
    db.select({ id: koladaMunicipalities.id, title: koladaMunicipalities.title, type: koladaMunicipalities.type }).from(koladaMunicipalities).orderBy(koladaMunicipalities.id),
    db.select().from(koladaFetches).orderBy(desc(koladaFetches.id)).limit(1),
  ]);
  return { mappings, comparison: comparison ?? null, kpis: known, municipalities: places, lastFetch: last ?? null };
}

/**
 * Riket's current figure (all genders) for each of these Kolada KPIs in the
 * newest year up to `year`: what the report's indicator annex prints beside
 * the outcome, with the year it is for.
 */
export async function koladaRiketUpTo(db: Db, koladaKpiIds: readonly string[], year: number): Promise<Map<string, { value: number; year: number }>> {
  if (koladaKpiIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([koladaValues.koladaKpi], { kpi: koladaValues.koladaKpi, value: koladaValues.value, year: koladaValues.year })
    .from(koladaValues)
    .where(
      and(
        inArray(koladaValues.koladaKpi, [...koladaKpiIds]),
        eq(koladaValues.municipality, '0000'),
        eq(koladaValues.gender, 'T'),
        lte(koladaValues.year, year),
        isNull(koladaValues.supersededBy),
      ),
    )
    .orderBy(koladaValues.koladaKpi, desc(koladaValues.year));
  return new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.kpi, { value: r.value, year: r.year }] as const])));
}
