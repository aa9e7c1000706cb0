import { importMappings, type Db } from '@lagesbild/db';
import { ORG } from './fixture.js';

/** Mappings for the importer's test organisation: a small försörjningsstöd report. */
const FIXTURE_MAPPINGS = [
  { label: 'Hushåll', kpiId: 'hushall-utbetalt', gender: 'T' as const },
  { label: 'Kvinnor', parentLabel: 'Hushåll', kpiId: 'hushall-utbetalt', gender: 'K' as const },
  { label: 'Män', parentLabel: 'Hushåll', kpiId: 'hushall-utbetalt', gender: 'M' as const },
  { label: 'Utbetalt', kpiId: 'utbetalt-kr', gender: 'T' as const },
  { label: 'Utbetalt E2', kpiId: 'utbetalt-kr', gender: 'T' as const, unitCode: 'E2' },
  { label: 'Gammal', kpiId: 'gammal-kpi', gender: 'T' as const },
  { label: 'Kommentar', kpiId: null, gender: 'T' as const },
];

export async function insertFixtureMappings(db: Db): Promise<void> {
  await db.insert(importMappings).values(FIXTURE_MAPPINGS.map((m) => ({ orgId: ORG, updatedBy: 'test', ...m })));
}
