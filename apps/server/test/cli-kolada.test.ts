import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog } from '@lagesbild/db';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '@lagesbild/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from './cli-harness.js';

const data = (municipality: string, value: number) => ({ kpi: 'N31807', municipality, period: 2020, values: [{ gender: 'T', count: 1, status: '', value }] });
const FILE = { count: 2, values: [data('0483', 587), data('0000', 610)] };

/** Kolada's API as a local server: a data page for /data, metadata for /kpi and /municipality. */
async function koladaApi(): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    paths.push(path);
    const body = path.startsWith('/v2/data/')
      ? { count: 3, values: [data('0483', 590), data('0000', 610), data('0484', 700)] }
      : path.startsWith('/v2/kpi/')
        ? { count: 1, values: [{ id: 'N31807', title: 'Exempel' }] }
        : { count: 1, values: [{ id: '0483', title: 'Katrineholm', type: 'K' }] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, paths, server };
}

describe.each(TEST_DB_KINDS)('lagesbild kolada on %s', (kind) => {
  let h: Awaited<ReturnType<typeof cliHarness>>;
  const dir = mkdtempSync(join(tmpdir(), 'kolada-cli-'));
  beforeAll(async () => {
    h = await cliHarness(kind);
    expect((await h.run('migrate')).code).toBe(0);
    await h.withDb(async (db) => {
      await insertOrganisation(db, 'kol');
      await insertKpis(db, [testKpi({ id: 'hh', name: 'Hushåll', unit: 'count', direction: 'lower', timeAggregation: 'mean', genderSplit: true, privacyClass: 'small-count' })]);
    });
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('imports a Kolada file once, then finds nothing new in it; a missing file is named', async () => {
    const file = join(dir, 'kolada.json');
    writeFileSync(file, JSON.stringify(FILE));
    expect(await h.run('kolada', 'import', file, '--org', 'kol')).toMatchObject({ code: 0, out: expect.stringMatching(/2 nya värden, 0 reviderade .* 0 oförändrade/) as unknown });
    expect((await h.run('kolada', 'import', file, '--org', 'kol')).out).toMatch(/0 nya värden, 0 reviderade .* 2 oförändrade/);
    expect(await h.run('kolada', 'import', join(dir, 'saknas.json'), '--org', 'kol')).toMatchObject({ code: 1, err: expect.stringMatching(/saknas\.json finns inte/) as unknown });
    writeFileSync(join(dir, 'fel.json'), '{"count": 1, "values": [{"kpi": "N31807", "municipality": "0483", "period": "förra året", "values": []}]}');
    expect(await h.run('kolada', 'import', join(dir, 'fel.json'), '--org', 'kol')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^fel\.json: values\[0\]\.period/) as unknown,
    });
  });

  it('fetch without flags asks Kolada only for the mapped KPIs of those compared with, and keeps the revised figure as history', async () => {
    const api = await koladaApi();
    try {
      expect((await h.run('kolada', 'fetch', '--url', api.url, '--org', 'kol')).out).toMatch(/inget nyckeltal är kopplat/);
      expect(api.paths).toEqual([]);
      expect((await h.run('kolada', 'map', 'hh', 'N31807', '--note', 'Kolada: kalenderår', '--org', 'kol')).code).toBe(0);
      expect((await h.run('kolada', 'compare', '--own', '0483', '--with', '0484', '--org', 'kol')).out).toMatch(/0483, Riket, 0484/);
      const r = await h.run('kolada', 'fetch', '--url', api.url, '--org', 'kol');
      expect(r.out).toMatch(/1 nya värden, 1 reviderade .* 1 oförändrade/);
      expect(api.paths.find((p) => p.startsWith('/v2/data/'))).toMatch(/^\/v2\/data\/kpi\/N31807\/municipality\/0000,0483,0484\/year\/\d{4}(,\d{4}){4}$/);
    } finally {
      api.server.closeAllConnections();
      await new Promise((r) => api.server.close(r));
    }
    const audit = await h.withDb((db) => db.select().from(auditLog).where(eq(auditLog.orgId, 'kol')));
    expect(audit.map((a) => a.action)).toEqual(['kolada.imported', 'kolada.imported', 'kolada.mapped', 'kolada.comparison_set', 'kolada.imported']);
    expect(audit[0]?.detail).toMatchObject({ via: 'cli', source: 'file' });
  });

  it('explains what is missing, with exit code 2', async () => {
    expect(await h.run('kolada', 'fetch', '--kpi', 'N31807', '--org', 'kol')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Ange --kpi, --municipality och --year tillsammans/) as unknown,
    });
    expect(await h.run('kolada', 'map', 'hh', '--org', 'kol')).toMatchObject({ code: 2, err: expect.stringMatching(/Ange vårt nyckeltal och Kolada-id/) as unknown });
    expect(await h.run('kolada', 'map', 'hh', 'hushall', '--org', 'kol')).toMatchObject({ code: 1, err: expect.stringMatching(/en bokstav och fem siffror/) as unknown });
    expect(await h.run('kolada', 'compare', '--org', 'kol')).toMatchObject({ code: 2, err: expect.stringMatching(/--own/) as unknown });
  });
});
