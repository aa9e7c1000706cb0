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
// The brukarundersökning 2017's "jfr … i riket" (003 l.1957–1980), mapped to the demo's survey KPIs.
const SURVEY_WITH_RIKET = ['brukar-eb-kontakt', 'brukar-eb-nojd', 'brukar-vh-kontakt', 'brukar-vh-forstaelse'];

describe.each(TEST_DB_KINDS)('the demo Kolada figures on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'katrineholm');
    await insertKpis(db, [
      testKpi({ id: 'sjukfranvaro', name: 'Sjukfrånvaro', unit: 'percent', direction: 'lower', timeAggregation: 'mean', genderSplit: true, privacyClass: 'sick-leave' }),
      ...SURVEY_WITH_RIKET.map((id) =>
        testKpi({ id, name: id, unit: 'percent', direction: 'higher', timeAggregation: 'last', genderSplit: id === 'brukar-vh-forstaelse', privacyClass: 'hme' }),
      ),
    ]);
    await seedDemoKolada(db, 'katrineholm');
  });

  it('holds every Riket figure of the annex, as printed', async () => {
    expect(annex.length).toBeGreaterThan(25);
    const riket = await database.db.select().from(koladaValues).where(eq(koladaValues.municipality, '0000'));
    const byKpi = new Map(riket.map((v) => [v.koladaKpi, v.value]));
    for (const r of annex) expect([r['indicator_sv'], byKpi.get(demoKoladaId(r['line'] ?? ''))]).toEqual([r['indicator_sv'], Number(r['riket'])]);
    expect((await database.db.select({ n: count() }).from(koladaKpis))[0]?.n).toBe(annex.length + SURVEY_WITH_RIKET.length);
  });

  it('compares the brukarundersökning 2017 with Riket as 003 printed it (l.1957, l.1959, l.1978, l.1980)', async () => {
    const printed = async (kpi: string) =>
      (await koladaComparisonData(database.db, 'katrineholm', kpi))?.values.map((v) => `${v.year} ${v.municipality}:${v.gender}=${v.value}`).sort();
    expect(await printed('brukar-eb-kontakt')).toEqual(['2017 0000:T=85', '2017 0483:T=99']);
    expect(await printed('brukar-eb-nojd')).toEqual(['2017 0000:T=83', '2017 0483:T=89']);
    expect(await printed('brukar-vh-kontakt')).toEqual(['2017 0000:T=90', '2017 0483:T=80']);
    expect(await printed('brukar-vh-forstaelse')).toEqual(['2017 0000:T=87', '2017 0483:K=94', '2017 0483:M=100', '2017 0483:T=97']);
  });

  it('compares the demo’s sick leave with Katrineholm and Riket as the report printed them (6,7 %, K 7,2, M 4,8; Riket 6,5)', async () => {
    const c = await koladaComparisonData(database.db, 'katrineholm', 'sjukfranvaro');
    expect(c?.kpi?.title).toBe('Sjukfrånvaro total, (%)');
    expect(c?.values.map((v) => `${v.municipality}:${v.gender}=${v.value}`).sort()).toEqual(['0000:T=6.5', '0483:K=7.2', '0483:M=4.8', '0483:T=6.7']);
  });

  it('writes every mapping’s note in English too', async () => {
    for (const kpi of ['sjukfranvaro', ...SURVEY_WITH_RIKET]) expect((await koladaComparisonData(database.db, 'katrineholm', kpi))?.noteEn, kpi).toMatch(/^[A-Z][^åäöÅÄÖ]+\.$/);
  });

  it('a second seed stores nothing twice', async () => {
    const before = (await database.db.select({ n: count() }).from(koladaValues))[0]?.n;
    await seedDemoKolada(database.db, 'katrineholm');
    expect((await database.db.select({ n: count() }).from(koladaValues))[0]?.n).toBe(before);
  });
});
