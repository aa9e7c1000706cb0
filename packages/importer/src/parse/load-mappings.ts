import { importMappingRows, type Db } from '@lagesbild/db';
import { MappingIndex, type LabelMapping } from './mappings.js';

/** The organisation's mappings from the database, ready for lookups. */
export async function loadMappings(db: Db, orgId: string): Promise<MappingIndex> {
  const rows = await importMappingRows(db, orgId);
  return new MappingIndex(rows satisfies LabelMapping[]);
}
