import { describe, expect, it } from 'vitest';
import { cellCount, loadGeneratedOrg, upsertGeneratedKpis, type GenerateSpec } from '../generate/index.js';
import { organisations, targets, units } from '../schema/index.js';
import { TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { listKpis, organisationKpiIds } from './kpis.js';

// Four generated KPIs have cells; the catalogue holds eight, shared with every other tenant.
const SPEC: GenerateSpec = { orgs: 2, units: 4, kpis: 5, months: 12, seed: 3, start: '2022-01' };

describe.each(TEST_DB_KINDS)('organisationKpiIds on %s', (kind) => {
  const database = useTestDatabase(kind, async (opened) => {
    await upsertGeneratedKpis(opened.db, 8);
    await loadGeneratedOrg(opened, SPEC, 0, cellCount(SPEC));
  });

  it('lists the KPIs a tenant has cells for, and a ratio KPI once both its parts are there', async () => {
    const catalogue = await listKpis(database.db);
    expect(catalogue).toHaveLength(8);
    const used = [...(await organisationKpiIds(database.db, 'gen-001', catalogue))].sort();
    expect(used).toEqual(['gen-aktualiseringar', 'gen-hushall', 'gen-sjukfranvaro', 'gen-utbetalt', 'gen-utbetalt-per-hushall']);
  });

  it('gives a tenant without data nothing, and a KPI it has only a target for', async () => {
    await database.db.insert(organisations).values({ id: 'tom', name: 'Tom kommun' });
    const catalogue = await listKpis(database.db);
    expect([...(await organisationKpiIds(database.db, 'tom', catalogue))]).toEqual([]);
    const [u] = await database.db
      .insert(units)
      .values({ orgId: 'tom', code: 'SOC', name: 'Socialförvaltningen', kind: 'forvaltning', validFrom: '2022-01' })
      .returning({ id: units.id });
    if (!u) throw new Error('no unit');
    await database.db.insert(targets).values({ orgId: 'tom', kpiId: 'gen-varddygn', unitId: u.id, year: 2023, annual: 900, origin: 'user' });
    expect([...(await organisationKpiIds(database.db, 'tom', catalogue))]).toEqual(['gen-varddygn']);
  });
});
