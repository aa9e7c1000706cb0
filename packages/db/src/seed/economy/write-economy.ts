import type { Db } from '../../client.js';
import { economyAmounts, economyPrognoses, investments } from '../../schema/index.js';
import type { DemoEconomy } from './types.js';

const CHUNK = 1000;

/** Writes the demo's economy in the caller's transaction; `unitId` maps a unit code to its id. */
export async function writeEconomy(tx: Db, orgId: string, economy: DemoEconomy, unitId: (code: string) => number): Promise<void> {
  const amounts = economy.amounts.map(({ unitCode, ...a }) => ({ orgId, unitId: unitId(unitCode), ...a }));
  for (let i = 0; i < amounts.length; i += CHUNK) await tx.insert(economyAmounts).values(amounts.slice(i, i + CHUNK));
  if (economy.prognoses.length) await tx.insert(economyPrognoses).values(economy.prognoses.map(({ unitCode, ...p }) => ({ orgId, unitId: unitId(unitCode), ...p })));
  if (economy.investments.length) await tx.insert(investments).values(economy.investments.map(({ unitCode, ...p }) => ({ orgId, unitId: unitId(unitCode), ...p })));
}
