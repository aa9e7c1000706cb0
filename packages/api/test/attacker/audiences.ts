import type { Db } from '@lagesbild/db';
import { callerContext, type Role } from '../../src/context.js';
import { appRouter } from '../../src/root.js';
import { resolveDeviceToken } from '../../src/services/boards.js';
import type { Caller } from './harvest.js';

export interface Audience {
  name: string;
  api: Caller;
  /** A wall screen: it may make only its slides' requests (harvestScreen), not the whole plan. */
  screen: boolean;
}

const person = (db: Db, orgId: string, id: string, roles: Role[], units: string[] | null): Caller =>
  appRouter.createCaller(callerContext(db, orgId, { user: { id, userId: null, name: id, roles }, scope: units ? { kind: 'units', units } : { kind: 'all' } }));

export const adminOf = (db: Db, orgId: string): Caller => person(db, orgId, 'admin', ['admin'], null);

/**
 * The suppressed audiences of issue 15: a förvaltningschef (every unit,
 * suppressed by default), an enhetschef of one unit, and a wall screen whose
 * board (made through the board procedures, as an admin would) shows two
 * units (the first as an overview and a drill-down, the second as a chart);
 * the screen reads with the scope its token resolves to.
 */
export async function suppressedAudiences(db: Db, orgId: string, managerUnit: string, boardUnits: readonly [string, string], kpi: string): Promise<Audience[]> {
  const admin = adminOf(db, orgId);
  const [overviewUnit, chartUnit] = boardUnits;
  const { id: boardId } = await admin.board.save({
    name: 'Receptionen',
    slides: [
      { kind: 'overview', unit: overviewUnit, period: 'latest', seconds: 20 },
      { kind: 'chart', unit: chartUnit, kpi, period: 'latest', seconds: 20 },
      { kind: 'drilldown', unit: overviewUnit, kpi, period: 'latest', seconds: 20 },
    ],
  });
  const { token } = await admin.board.createDevice({ boardId, name: 'Skärm i receptionen' });
  const device = await resolveDeviceToken(db, token);
  if (!device) throw new Error('the new device token does not resolve');
  const screen = appRouter.createCaller(
    callerContext(db, orgId, {
      user: { id: `device:${device.id}`, userId: null, name: device.name, roles: [] },
      scope: { kind: 'units', units: device.units },
      device: { id: device.id, boardId: device.boardId },
    }),
  );
  return [
    { name: 'förvaltningschef', api: person(db, orgId, 'fc', ['forvaltningschef'], null), screen: false },
    { name: `enhetschef ${managerUnit}`, api: person(db, orgId, 'ec', ['enhetschef'], [managerUnit]), screen: false },
    { name: `väggskärm ${boardUnits.join('+')}`, api: screen, screen: true },
  ];
}
