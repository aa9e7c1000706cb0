import { afterEach, describe, expect, it } from 'vitest';
import { fetchKoladaData, fetchKoladaKpis, KoladaFetchError, type KoladaClientOptions } from '../src/index.js';
import { startKoladaStub, type KoladaStub, type Reply } from './kolada-server.js';
import { kpiMeta, page1, page2 } from './recorded.js';

const DATA = '/v2/data/kpi/N31807/municipality/0000,0483/year/2019,2020';
const PAGE2 = `${DATA}/page/2`;
const query = { kpis: ['N31807'], municipalities: ['0000', '0483'], years: [2019, 2020] };
const fast: KoladaClientOptions = { timeoutMs: 300, retries: 2, backoffMs: 10 };

let stub: KoladaStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** The data endpoint answering `first`, with page 2 answering `second` (both recorded pages by default). */
async function serve(first: Reply[] = [], second: Reply[] = [{ json: page2 }]): Promise<KoladaStub> {
  stub = await startKoladaStub((origin) => ({ [DATA]: first.length ? first : [{ json: page1(`${origin}${PAGE2}`) }], [PAGE2]: second }));
  return stub;
}
const okFirst = (origin: string): Reply => ({ json: page1(`${origin}${PAGE2}`) });

async function failure(p: Promise<unknown>): Promise<KoladaFetchError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof KoladaFetchError)) throw new Error(`expected a KoladaFetchError, got ${String(err)}`);
  return err;
}

describe('Kolada client over real HTTP', () => {
  it('follows next_page and returns every value of every page', async () => {
    const s = await serve();
    const values = await fetchKoladaData(query, { ...fast, baseUrl: s.baseUrl });
    expect(values.map((v) => `${v.municipality}/${v.period}/${v.values.map((m) => `${m.gender}=${m.value}`).join(',')}`)).toEqual([
      '0000/2020/K=76.2,M=79.9,T=78',
      '0483/2020/T=67',
      '0483/2019/T=null',
    ]);
    expect([s.hits.get(DATA), s.hits.get(PAGE2)]).toEqual([1, 1]);
  });

  it('retries a 500 and a timeout, then succeeds', async () => {
    stub = await startKoladaStub((origin) => ({
      [DATA]: [{ status: 500 }, okFirst(origin)],
      [PAGE2]: [{ hangMs: 2_000 }, { json: page2 }],
    }));
    const values = await fetchKoladaData(query, { ...fast, baseUrl: stub.baseUrl });
    expect(values).toHaveLength(3);
    expect([stub.hits.get(DATA), stub.hits.get(PAGE2)]).toEqual([2, 2]);
  });

  it('reports a 500 that persists after every attempt, in words with what to do', async () => {
    const s = await serve([{ status: 503 }]);
    const err = await failure(fetchKoladaData(query, { ...fast, baseUrl: s.baseUrl }));
    expect(err.message).toMatch(/svarade HTTP 503 .* 3 försök\. Försök igen senare, eller .*lagesbild kolada import/);
    expect(err.attempts).toBe(3);
    expect(s.hits.get(DATA)).toBe(3);
  });

  it('reports a timeout that persists, and gives up within the attempts', async () => {
    const s = await serve([{ hangMs: 5_000 }]);
    const t = performance.now();
    const err = await failure(fetchKoladaData(query, { ...fast, baseUrl: s.baseUrl }));
    expect(err.message).toMatch(/svarade inte inom 0\.3 s/);
    expect(performance.now() - t).toBeLessThan(4_000);
  });

  it('returns nothing when a later page fails: all pages or none', async () => {
    const s = await serve(undefined, [{ status: 500 }]);
    const err = await failure(fetchKoladaData(query, { ...fast, baseUrl: s.baseUrl }));
    expect(err.url).toContain('/page/2');
    expect(s.hits.get(DATA)).toBe(1);
  });

  it('does not retry a 404, and says what to check', async () => {
    stub = await startKoladaStub(() => ({}));
    const err = await failure(fetchKoladaData(query, { ...fast, baseUrl: stub.baseUrl }));
    expect(err.message).toMatch(/HTTP 404 .*Kontrollera KPI-id, kommun-id och år/);
    expect(err.attempts).toBe(1);
  });

  it('refuses an answer in another format, and a next_page loop', async () => {
    const bad = await serve([{ json: { values: [{ kpi: 'N31807' }] } }]);
    expect((await failure(fetchKoladaData(query, { ...fast, baseUrl: bad.baseUrl }))).message).toMatch(/inte det väntade formatet/);
    await bad.close();
    stub = await startKoladaStub((origin) => ({ [DATA]: [{ json: page1(`${origin}${DATA}`) }] }));
    expect((await failure(fetchKoladaData(query, { ...fast, baseUrl: stub.baseUrl }))).message).toMatch(/sidor tar inte slut/);
  });

  it('reads KPI metadata', async () => {
    stub = await startKoladaStub(() => ({ '/v2/kpi/N31807': [{ json: kpiMeta }] }));
    const [kpi] = await fetchKoladaKpis(['N31807'], { ...fast, baseUrl: stub.baseUrl });
    expect(kpi).toMatchObject({ id: 'N31807', is_divided_by_gender: true, operating_area: 'Ekonomiskt bistånd' });
  });
});
