import type { Db } from '../client.js';
import { units } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi } from './builders.js';

/**
 * Two organisations with the same unit code SOC (a also has IFO) and the KPI
 * "placeringar": the world of the goal and follow-up query tests, where
 * everything of organisation a must stay invisible to b.
 */
export async function insertGoalWorld(db: Db): Promise<{ aSoc: number; aIfo: number; bSoc: number }> {
  await insertOrganisation(db, 'a');
  await insertOrganisation(db, 'b');
  await insertKpis(db, [testKpi({ id: 'placeringar', name: 'Placeringar', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' })]);
  const [aSoc, aIfo, bSoc] = await db
    .insert(units)
    .values([
      { orgId: 'a', code: 'SOC', name: 'Soc', kind: 'forvaltning', validFrom: '2020-01' },
      { orgId: 'a', code: 'IFO', name: 'Ifo', kind: 'enhet', validFrom: '2020-01' },
      { orgId: 'b', code: 'SOC', name: 'Soc', kind: 'forvaltning', validFrom: '2020-01' },
    ])
    .returning({ id: units.id });
  if (!aSoc || !aIfo || !bSoc) throw new Error('goal world: units');
  return { aSoc: aSoc.id, aIfo: aIfo.id, bSoc: bSoc.id };
}
