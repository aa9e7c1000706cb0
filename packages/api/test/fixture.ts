import { importBatches, observations, organisations, targets, type Db } from '@lagesbild/db';
import { HOUSEHOLDS_SHAPE, insertKpis, insertUnits, PAID_SHAPE, PER_HOUSEHOLD_SHAPE, testKpi, testUnit, type TestDbKind } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { callerContext, type Scope, type SessionUser } from '../src/context.js';
import { appRouter } from '../src/root.js';

/**
 * A small organisation whose unit B moves from avdelning A1 to A2 in June 2021:
 *   SOC ─ A1 ─ B (until 2021-05), C
 *       └ A2 ─ B (from 2021-06)
 * Each leaf has 10 households (K 4 + M 6) and 1 000 kr per month in 2021 (800 kr in 2020).
 */
export async function insertFixture(db: Db): Promise<void> {
  await db.insert(organisations).values({ id: 'test-org', name: 'Testkommun' });
  const from = { validFrom: '2020-01' };
  const idOf = await insertUnits(db, 'test-org', [
    testUnit('SOC', 'forvaltning', [], { ...from, name: 'Socialförvaltningen' }),
    testUnit('A1', 'avdelning', [['SOC']], { ...from, name: 'Avdelning 1' }),
    testUnit('A2', 'avdelning', [['SOC']], { ...from, name: 'Avdelning 2' }),
    testUnit(
      'B',
      'enhet',
      [
        ['A1', '2020-01', '2021-06'],
        ['A2', '2021-06'],
      ],
      { ...from, name: 'Enhet B' },
    ),
    testUnit('C', 'enhet', [['A1']], { ...from, name: 'Enhet C' }),
  ]);
  const unit = (code: string) => ({ id: idOf.get(code) ?? -1 });
  const [soc, b, c] = [unit('SOC'), unit('B'), unit('C')];
  await insertKpis(db, [
    testKpi({ id: 'hh', name: 'Hushåll', nameEn: 'Households', ...HOUSEHOLDS_SHAPE }),
    testKpi({ id: 'kr', name: 'Utbetalt', nameEn: 'Paid', ...PAID_SHAPE }),
    testKpi({ id: 'kr-per-hh', name: 'Per hushåll', nameEn: 'Per household', ...PER_HOUSEHOLD_SHAPE, ratioOf: { numerator: 'kr', denominator: 'hh' } }),
  ]);
  const [batch] = await db
    .insert(importBatches)
    .values({ orgId: 'test-org', fileName: 'fixture', sha256: 'x', format: 'test', origin: 'synthetic', createdBy: 'test' })
    .returning();
  const rows = [];
  for (let m = 1; m <= 12; m++) {
    const month = `2021-${String(m).padStart(2, '0')}`;
    for (const u of [b, c]) {
      const common = { orgId: 'test-org', unitId: u.id, month, origin: 'synthetic' as const, batchId: batch?.id ?? null };
      rows.push({ ...common, kpiId: 'hh', gender: 'K' as const, numerator: 4 });
      rows.push({ ...common, kpiId: 'hh', gender: 'M' as const, numerator: 6 });
      rows.push({ ...common, kpiId: 'kr', gender: 'T' as const, numerator: 1000 });
    }
  }
  // 2020: 800 kr a month per leaf, for comparisons with the same period last year.
  for (let m = 1; m <= 12; m++) {
    for (const u of [b, c]) {
      rows.push({
        orgId: 'test-org',
        unitId: u.id,
        month: `2020-${String(m).padStart(2, '0')}`,
        origin: 'synthetic' as const,
        batchId: batch?.id ?? null,
        kpiId: 'kr',
        gender: 'T' as const,
        numerator: 800,
      });
    }
  }
  await db.insert(observations).values(rows);
  await db.insert(targets).values([
    {
      orgId: 'test-org',
      kpiId: 'kr',
      unitId: soc.id,
      year: 2021,
      annual: 24_000,
      monthly: [2100, 2100, 2100, 2100, 1900, 1900, 1900, 1900, 2000, 2000, 2000, 2000],
      tolerance: 5,
      toleranceKind: 'percent',
      origin: 'demo',
    },
    { orgId: 'test-org', kpiId: 'hh', unitId: soc.id, year: 2021, annual: 19, tolerance: 1, toleranceKind: 'absolute', origin: 'demo' },
  ]);
}

/** The describe block's database with the fixture (and what `more` adds), and a caller on it for a user, over all units unless told. */
export function useFixture(kind: TestDbKind, more?: (db: Db) => Promise<void>) {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertFixture(db);
    await more?.(db);
  });
  const caller = (u: SessionUser | null, scope: Scope = { kind: 'all' }) => appRouter.createCaller(callerContext(database.db, 'test-org', { user: u, scope }));
  return { database, caller };
}
