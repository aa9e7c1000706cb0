import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { koladaComparisonData } from '../queries/kolada.js';
import { koladaKpis, koladaValues } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { demoKoladaId, seedDemoKolada } from './demo-kolada.js';
import { referenceRows } from './reference-csv.js';

// The annex of Delårsrapport 2020 (004 l.363–514): every indicator with a Riket figure.
const annex = referenceRows('indicators_2020').filter((r) => (r['riket'] ?? '') !== '');

describe.each(TEST_DB_KINDS)('the demo Kolada figures on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'katrineholm');
    await insertKpis(db, [
      testKpi({ id: 'sjukfranvaro', name: 'Sjukfrånvaro', unit: 'percent', direction: 'lower', timeAggregation: 'mean', genderSplit: true, privacyClass: 'sick-leave' }),
    ]);
    await seedDemoKolada(db, 'katrineholm');
  });

  it('holds every Riket figure of the annex, as printed', async () => {
    expect(annex.length).toBeGreaterThan(25);
    const riket = await database.db.select().from(koladaValues).where(eq(koladaValues.municipality, '0000'));
    const byKpi = new Map(riket.map((v) => [v.koladaKpi, v.value]));
    for (const r of annex) expect([r['indicator_sv'], byKpi.get(demoKoladaId(r['line'] ?? ''))]).toEqual([r['indicator_sv'], Number(r['riket'])]);
    expect((await database.db.select({ n: count() }).from(koladaKpis))[0]?.n).toBe(annex.length);
  });

  it('compares the demo’s sick leave with Katrineholm and Riket as the report printed them (6,7 %, K 7,2, M 4,8; Riket 6,5)', async () => {
    const c = await koladaComparisonData(database.db, 'katrineholm', 'sjukfranvaro');
    expect(c?.kpi?.title).toBe('Sjukfrånvaro total, (%)');
    expect(c?.values.map((v) => `${v.municipality}:${v.gender}=${v.value}`).sort()).toEqual(['0000:T=6.5', '0483:K=7.2', '0483:M=4.8', '0483:T=6.7']);
  });

  it('a second seed stores nothing twice', async () => {
    const before = (await database.db.select({ n: count() }).from(koladaValues))[0]?.n;
    await seedDemoKolada(database.db, 'katrineholm');
    expect((await database.db.select({ n: count() }).from(koladaValues))[0]?.n).toBe(before);
  });
});
