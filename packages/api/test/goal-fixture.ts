import { goalIndicators, goalIndicatorValues, goals, units, type Db } from '@lagesbild/db';
import type { TestDbKind } from '@lagesbild/db/testing';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../src/context.js';
import { useFixture } from './fixture.js';

/** The ids of the goals insertGoalFixture wrote, by name; filled when it runs. */
export const GOAL_IDS = { area: 0, soc: 0, B: 0, C: 0 };

/**
 * Goals on insertFixture's organisation for 2021: an area on SOC holding a
 * resultatmål on SOC followed by the KPIs kr and hh and a manual indicator,
 * and one resultatmål each on the enheter B and C (no indicators).
 */
export async function insertGoalFixture(db: Db): Promise<void> {
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.orgId, 'test-org'));
  const unitId = (code: string) => unitRows.find((u) => u.code === code)?.id ?? 0;
  const base = { orgId: 'test-org', validFrom: '2021-01', origin: 'user' as const };
  const insert = async (g: Omit<typeof goals.$inferInsert, 'orgId' | 'validFrom' | 'origin'>) => {
    const [row] = await db
      .insert(goals)
      .values({ ...base, ...g })
      .returning({ id: goals.id });
    return row?.id ?? 0;
  };
  GOAL_IDS.area = await insert({ kind: 'area', title: 'Egen försörjning', unitId: unitId('SOC'), sortOrder: 1 });
  GOAL_IDS.soc = await insert({
    kind: 'resultatmal',
    parentId: GOAL_IDS.area,
    title: 'Minskade kostnader för försörjningsstöd',
    committees: ['SOCN'],
    unitId: unitId('SOC'),
    sortOrder: 2,
  });
  GOAL_IDS.B = await insert({ kind: 'resultatmal', parentId: GOAL_IDS.area, title: 'Enhet B:s mål', unitId: unitId('B'), sortOrder: 3 });
  GOAL_IDS.C = await insert({ kind: 'resultatmal', parentId: GOAL_IDS.area, title: 'Enhet C:s mål', unitId: unitId('C'), sortOrder: 4 });
  const [, , manual] = await db
    .insert(goalIndicators)
    .values([
      { orgId: 'test-org', goalId: GOAL_IDS.soc, kind: 'kpi', kpiId: 'kr', sortOrder: 1 },
      { orgId: 'test-org', goalId: GOAL_IDS.soc, kind: 'kpi', kpiId: 'hh', sortOrder: 2 },
      { orgId: 'test-org', goalId: GOAL_IDS.soc, kind: 'manual', name: 'Ej återaktualiserade efter ett år (%)', unit: 'percent', sortOrder: 3 },
    ])
    .returning({ id: goalIndicators.id });
  await db.insert(goalIndicatorValues).values({ orgId: 'test-org', indicatorId: manual?.id ?? 0, period: '2021-D', total: 67, riket: 78, assessment: 'uppfyllt', origin: 'user' });
}

const person = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });

/**
 * The describe block's database with insertFixture's organisation and these
 * goals, and callers on it: a förvaltningschef, an enhetschef of B, an analyst.
 */
export function useGoalWorld(kind: TestDbKind) {
  const { database, caller } = useFixture(kind, insertGoalFixture);
  return {
    database,
    caller,
    chef: () => caller(person('chefen', ['forvaltningschef'])),
    manager: () => caller(person('eva', ['enhetschef']), { kind: 'units', units: ['B'] }),
    analyst: () => caller(person('ana', ['analytiker'])),
  };
}
