import { importMappingRows, listKpis, type Db } from '@lagesbild/db';
import { MappingIndex, type LabelMapping } from './mappings.js';

/** The organisation's mappings from the database, ready for lookups, with the catalogue's ratio KPIs (rows of those are checked). */
export async function loadMappings(db: Db, orgId: string): Promise<MappingIndex> {
  const [rows, kpis] = await Promise.all([importMappingRows(db, orgId), listKpis(db)]);
  const ratios = new Map(kpis.flatMap((k) => (k.ratioOf ? [[k.id, k.ratioOf] as const] : [])));
  return new MappingIndex(rows satisfies LabelMapping[], ratios);
}
