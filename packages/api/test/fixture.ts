import { importBatches, kpis, observations, organisations, targets, unitLinks, units, type Db } from '@lagesbild/db';

/**
 * A small organisation whose unit B moves from avdelning A1 to A2 in June 2021:
 *   SOC ─ A1 ─ B (until 2021-05), C
 *       └ A2 ─ B (from 2021-06)
 * Each leaf has 10 households (K 4 + M 6) and 1 000 kr per month in 2021 (800 kr in 2020).
 */
export async function insertFixture(db: Db): Promise<void> {
  await db.insert(organisations).values({ id: 'test-org', name: 'Testkommun' });
  const [soc, a1, a2, b, c] = await db
    .insert(units)
    .values([
      { orgId: 'test-org', code: 'SOC', name: 'Socialförvaltningen', kind: 'forvaltning', validFrom: '2020-01' },
      { orgId: 'test-org', code: 'A1', name: 'Avdelning 1', kind: 'avdelning', validFrom: '2020-01' },
      { orgId: 'test-org', code: 'A2', name: 'Avdelning 2', kind: 'avdelning', validFrom: '2020-01' },
      { orgId: 'test-org', code: 'B', name: 'Enhet B', kind: 'enhet', validFrom: '2020-01' },
      { orgId: 'test-org', code: 'C', name: 'Enhet C', kind: 'enhet', validFrom: '2020-01' },
    ])
    .returning();
  if (!soc || !a1 || !a2 || !b || !c) throw new Error('fixture units');
  await db.insert(unitLinks).values([
    { unitId: a1.id, parentId: soc.id, validFrom: '2020-01' },
    { unitId: a2.id, parentId: soc.id, validFrom: '2020-01' },
    { unitId: b.id, parentId: a1.id, validFrom: '2020-01', validTo: '2021-06' },
    { unitId: b.id, parentId: a2.id, validFrom: '2021-06' },
    { unitId: c.id, parentId: a1.id, validFrom: '2020-01' },
  ]);
  const base = { description: '', group: 'ekonomiskt-bistand', source: 'test', ageBands: [] as string[], scale: 1 };
  await db.insert(kpis).values([
    {
      ...base,
      id: 'hh',
      name: 'Hushåll',
      nameEn: 'Households',
      unit: 'count',
      decimals: 0,
      direction: 'lower',
      timeAggregation: 'mean',
      genderSplit: true,
      privacyClass: 'small-count',
    },
    { ...base, id: 'kr', name: 'Utbetalt', nameEn: 'Paid', unit: 'kr', decimals: 0, direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' },
    {
      ...base,
      id: 'kr-per-hh',
      name: 'Per hushåll',
      nameEn: 'Per household',
      unit: 'kr',
      decimals: 0,
      direction: 'none',
      timeAggregation: 'sum',
      genderSplit: false,
      privacyClass: 'none',
      ratioNumerator: 'kr',
      ratioDenominator: 'hh',
    },
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
