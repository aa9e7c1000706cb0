import type { Db } from '../client.js';
import { units } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi } from './builders.js';

interface TwinUnits {
  aSoc: number;
  aIfo: number;
  bSoc: number;
}

/**
 * Organisations a and b with the same unit code SOC (a also has the enhet IFO):
 * the world of the scoped query tests, where everything of a must stay invisible to b.
 */
export async function insertTwinOrganisations(db: Db, soc: { kind: 'forvaltning' | 'enhet'; validFrom: string }): Promise<TwinUnits> {
  await insertOrganisation(db, 'a');
  await insertOrganisation(db, 'b');
  const [aSoc, aIfo, bSoc] = await db
    .insert(units)
    .values([
      { orgId: 'a', code: 'SOC', name: 'Soc', kind: soc.kind, validFrom: soc.validFrom },
      { orgId: 'a', code: 'IFO', name: 'Ifo', kind: 'enhet', validFrom: soc.validFrom },
      { orgId: 'b', code: 'SOC', name: 'Soc', kind: soc.kind, validFrom: soc.validFrom },
    ])
    .returning({ id: units.id });
  if (!aSoc || !aIfo || !bSoc) throw new Error('twin organisations: units');
  return { aSoc: aSoc.id, aIfo: aIfo.id, bSoc: bSoc.id };
}

/** The twin organisations with SOC as the förvaltning and the KPI "placeringar": the world of the goal and follow-up query tests. */
export async function insertGoalWorld(db: Db): Promise<TwinUnits> {
  const unit = await insertTwinOrganisations(db, { kind: 'forvaltning', validFrom: '2020-01' });
  await insertKpis(db, [testKpi({ id: 'placeringar', name: 'Placeringar', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' })]);
  return unit;
}
