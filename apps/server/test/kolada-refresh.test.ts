import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chooseKoladaComparison, mapKoladaKpi } from '@lagesbild/api';
import { koladaValues } from '@lagesbild/db';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKoladaRefresh } from '../src/http/kolada-refresh.js';

const ADMIN = { id: 'admin', ip: null };
let status = 200;
const asked: string[] = [];
const api = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  asked.push(path);
  if (status !== 200) return void res.writeHead(status).end();
  const body = path.startsWith('/v2/data/')
    ? { count: 1, values: [{ kpi: 'N31807', municipality: '0000', period: 2020, values: [{ gender: 'T', value: 610 }] }] }
    : { count: 0, values: [] };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  api.closeAllConnections();
  await new Promise((r) => api.close(r));
});

describe.each(TEST_DB_KINDS)('the scheduled Kolada fetch on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    await insertOrganisation(db, 'b');
    await insertKpis(db, [testKpi({ id: 'hh', name: 'Hushåll', unit: 'count', direction: 'lower', timeAggregation: 'mean', genderSplit: false, privacyClass: 'none' })]);
  });

  it('asks nothing of Kolada while no organisation has mapped a KPI, then fetches what one mapped, and logs a failure', async () => {
    asked.length = 0;
    status = 200;
    const log: string[] = [];
    const run = async () => {
      const job = startKoladaRefresh(database.db, 3_600_000, url, (m) => log.push(m));
      await job.stop();
    };
    await run();
    expect(asked).toEqual([]);

    await mapKoladaKpi(database.db, 'a', { kpi: 'hh', koladaKpi: 'N31807', note: '' }, ADMIN);
    await chooseKoladaComparison(database.db, 'a', { own: '0483', group: null, municipalities: [] }, ADMIN);
    await run();
    expect(asked.filter((p) => p.startsWith('/v2/data/'))).toHaveLength(1);
    expect(log).toEqual(['Kolada (a): 1 nya och 0 reviderade värden.']);
    expect((await database.db.select().from(koladaValues)).map((v) => v.value)).toEqual([610]);

    status = 503;
    await run();
    expect(log[1]).toMatch(/^Kolada kunde inte hämtas; nytt försök om 60 min: Kolada svarade HTTP 503/);
  });
});
