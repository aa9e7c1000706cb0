import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLog, koladaFetches, koladaValues } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { count, desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { fetchKolada } from '../src/services/kolada.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });
const file = JSON.stringify({
  data: {
    count: 3,
    values: [
      { kpi: 'N31807', municipality: '0483', period: 2020, values: [{ gender: 'T', count: 1, status: '', value: 587 }] },
      { kpi: 'N31807', municipality: '0000', period: 2020, values: [{ gender: 'T', count: 1, status: '', value: 610 }] },
      { kpi: 'N31807', municipality: '0484', period: 2020, values: [{ gender: 'T', count: 1, status: '', value: 700 }] },
    ],
  },
  kpi: { count: 1, values: [{ id: 'N31807', title: 'Hushåll med försörjningsstöd (exempel)' }] },
  municipality: {
    count: 3,
    values: [
      { id: '0483', title: 'Katrineholm', type: 'K' },
      { id: '0000', title: 'Riket', type: 'L' },
      { id: '0484', title: 'Eskilstuna', type: 'K' },
    ],
  },
});

describe.each(TEST_DB_KINDS)('Kolada beside our figures, on %s', (kind) => {
  const { database, caller } = useFixture(kind);
  const admin = () => caller(user('admin', ['admin']));
  const values = async () => (await database.db.select({ n: count() }).from(koladaValues))[0]?.n;

  it('an admin loads a file and maps a KPI; the förvaltningschef sees the own municipality beside Riket, with the source', async () => {
    expect(await admin().kolada.importFile({ name: 'kolada.json', text: file })).toMatchObject({ valuesNew: 3, valuesRevised: 0 });
    expect(await admin().kolada.importFile({ name: 'kolada.json', text: file })).toMatchObject({ valuesNew: 0, valuesSame: 3 });
    expect(await values()).toBe(3);
    await admin().kolada.map({ kpi: 'hh', koladaKpi: 'N31807', note: 'Kolada: årsmedel; vi: per månad' });
    await admin().kolada.choose({ own: '0483', municipalities: ['0484'] });
    const c = await caller(user('chefen', ['forvaltningschef'])).kolada.comparison({ kpi: 'hh' });
    expect(c).toMatchObject({
      source: 'Kolada (RKA)',
      koladaKpi: 'N31807',
      title: 'Hushåll med försörjningsstöd (exempel)',
      note: 'Kolada: årsmedel; vi: per månad',
      noteEn: null,
      years: [2020],
    });
    expect(c?.rows.map((r) => `${r.role}:${r.name}=${r.years[2020]?.T?.value}`)).toEqual(['own:Katrineholm=587', 'riket:Riket=610', 'chosen:Eskilstuna=700']);
    const actions = (await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(4)).map((a) => a.action);
    expect(actions).toEqual(['kolada.comparison_set', 'kolada.mapped', 'kolada.imported', 'kolada.imported']);
  });

  it('the admin page sees the mappings with our names, the comparison and what is stored; unmapping ends the comparison', async () => {
    const view = await admin().kolada.settings();
    expect(view.mappings.map((m) => [m.kpi, m.koladaKpi])).toEqual([['hh', 'N31807']]);
    expect(view.comparison).toMatchObject({ ownMunicipality: '0483', municipalities: ['0484'] });
    expect(view.kpis.map((k) => k.id)).toEqual(['N31807']);
    expect(view.municipalities.map((m) => m.id)).toEqual(['0000', '0483', '0484']);
    expect(view.lastFetch).toMatchObject({ source: 'file', valuesSame: 3 });
    await admin().kolada.unmap({ kpi: 'hh' });
    expect(await caller(user('chefen', ['forvaltningschef'])).kolada.comparison({ kpi: 'hh' })).toBeNull();
    await expect(admin().kolada.unmap({ kpi: 'hh' })).rejects.toThrow(/jämförs inte med Kolada/);
    await admin().kolada.map({ kpi: 'hh', koladaKpi: 'N31807', note: 'Kolada: årsmedel; vi: per månad' });
  });

  it('refuses a broken file by name and place, and stores nothing', async () => {
    const before = [await values(), (await database.db.select({ n: count() }).from(koladaFetches))[0]?.n];
    await expect(admin().kolada.importFile({ name: 'trasig.json', text: '{"data": {"count": 1, "values": [{"kpi": "N1"}]}}' })).rejects.toThrow(
      /trasig\.json: data\.values\[0\]\.municipality/,
    );
    expect([await values(), (await database.db.select({ n: count() }).from(koladaFetches))[0]?.n]).toEqual(before);
  });

  it('a fetch that meets a failing Kolada is reported in words and stores nothing', async () => {
    const server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const before = await values();
    try {
      await expect(
        fetchKolada(
          database.db,
          'test-org',
          { kpis: ['N31807'], municipalities: ['0483'], years: [2021] },
          { baseUrl: `http://127.0.0.1:${port}/v2`, retries: 1, backoffMs: 5 },
          { id: 'admin', ip: null },
        ),
      ).rejects.toThrow(/Kolada svarade HTTP 500 .*2 försök/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    expect(await values()).toBe(before);
  });

  it('says what is wrong with a mapping or a comparison', async () => {
    await expect(admin().kolada.map({ kpi: 'hh', koladaKpi: 'hushåll' })).rejects.toThrow(/en bokstav och fem siffror/);
    await expect(admin().kolada.map({ kpi: 'finns-inte', koladaKpi: 'N31807' })).rejects.toThrow(/Nyckeltalet "finns-inte" finns inte/);
    await expect(admin().kolada.choose({ own: 'Katrineholm' })).rejects.toThrow(/inget kommun-id i Kolada/);
  });
});
