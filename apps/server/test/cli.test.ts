import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog, events, type Db } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliRun } from './cli-harness.js';

// Reported in "Statistik försörjningsstöd 2022" (001, lines 700-702): households with a payment, Jan–Apr 2022.
const K_2022 = [196, 193, 216, 199];
const M_2022 = [234, 219, 239, 227];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// The reference report, as copied into the importer's test fixtures.
const SAMPLE_2022 = join(import.meta.dirname, '../../../packages/importer/test/good-files/statistik-forsorjningsstod-2022.csv');

/** Audit entries and live events that name one import batch. */
async function traces(db: Db, batchId: number) {
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'import.committed'), eq(auditLog.target, `batch:${batchId}`)));
  const all = await db.select().from(events).where(eq(events.kind, 'import.committed'));
  return { audit, events: all.filter((e) => e.payload['batchId'] === batchId) };
}

const batchOf = (out: string): number => Number(/Importerad som batch (\d+)/.exec(out)?.[1] ?? NaN);

describe.each(TEST_DB_KINDS)('CLI on %s', (kind) => {
  let h: Awaited<ReturnType<typeof cliHarness>>;
  const json = (r: CliRun) => JSON.parse(r.out) as Record<string, unknown>;

  beforeAll(async () => {
    h = await cliHarness(kind);
    const seeded = await h.run('seed', '--demo');
    expect(seeded.err).toBe('');
    expect(seeded.code).toBe(0);
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('query --json gives the mean of the reported months of T1 2022, in total and per gender', async () => {
    const t = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--json'));
    expect(t).toMatchObject({ kpi: 'hushall-utbetalt', unit: 'SOC', period: '2022-T1', gender: 'T' });
    expect(t.value).toBeCloseTo(mean(K_2022) + mean(M_2022), 9);
    expect(t.display).toBe('431');
    expect(['green', 'yellow', 'red', 'none']).toContain(t.status);
    expect(t).toHaveProperty('target');
    // 001 l.427: the förvaltning's Prognos 2022 of 420 households is its prognos, not the target.
    expect(t.prognos).toMatchObject({ value: 420, year: 2022, period: '2022-T1', origin: 'reported' });
    const text = await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1');
    expect(text.out).toContain('Förvaltningens prognos 2022: 420 (enligt rapport) — Prognos 2022, Tertialrapport T1 2022, 001 rad 427');

    const k = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--gender', 'K', '--json'));
    expect(k.value).toBeCloseTo(mean(K_2022), 9);
    const m = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--gender', 'M', '--json'));
    expect(m.value).toBeCloseTo(mean(M_2022), 9);
  });

  it('query --band 18-24 reads the "varav 18-24" band beside the total, which it never adds to (001 l.704-706)', async () => {
    const band = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--band', '18-24', '--json'));
    expect(band).toMatchObject({ kpi: 'hushall-utbetalt', gender: 'T', ageBand: '18-24', target: null });
    expect(band.value).toBeCloseTo(mean([67, 60, 68, 62]), 9);
    const women = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--band', '18-24', '--gender', 'K', '--json'));
    expect(women.value).toBeCloseTo(mean([34, 31, 36, 33]), 9);
    // A band the KPI does not have is refused; the protected release holds the band beside the total, rounded.
    const unknown = await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--band', '25-');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('Åldersgruppen "25-" finns inte för "hushall-utbetalt" (18-24)');
    const suppressed = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--band', '18-24', '--suppress', '--json'));
    expect(suppressed).toMatchObject({ ageBand: '18-24', suppressed: false });
    expect(Math.abs(Number(suppressed.value) - mean([67, 60, 68, 62]))).toBeLessThanOrEqual(0.5);
  });

  it('computes kr per household-month as a ratio of sums (8 304 kr in January 2022)', async () => {
    const r = json(await h.run('query', '--kpi', 'utbetalt-per-hushall', '--unit', 'SOC', '--period', '2022-01', '--json'));
    expect(r.display).toBe('8 304 kr');
  });

  it('query --compare adds the same period last year and the change', async () => {
    const r = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T1', '--compare', '--json'));
    const change = r.change as { lastYear: { period: string; value: number }; absolute: number };
    expect(change.lastYear.period).toBe('2021-T1');
    // Printed: 517 households a month in Jan–Apr 2021 (001 line 427).
    expect(Math.round(change.lastYear.value)).toBe(517);
    expect(change.absolute).toBeCloseTo(430.75 - change.lastYear.value, 9);
  });

  it('query --suppress hides a small group as a wall screen would: three girls in HVB in January 2018', async () => {
    const args = ['query', '--kpi', 'placerade-hvb-sol', '--unit', 'BU', '--period', '2018-01', '--gender', 'K', '--json'];
    const exact = json(await h.run(...args));
    expect(exact).toMatchObject({ value: 3, suppressed: false });
    const safe = json(await h.run(...args, '--suppress'));
    expect(safe).toMatchObject({ value: null, display: 'färre än 5 personer', suppressed: true, hidden: { mark: 'primary', noun: 'persons' } });
    expect(safe).not.toHaveProperty('protectingCount');
    // Values leave the release rounded to display precision (a mean of boys over a year is not 22.916666…).
    const year = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2021', '--suppress', '--json'));
    expect(Number.isInteger(year.value)).toBe(true);
    // A rate over a custom range cannot be answered from the release: refused, in Swedish.
    const range = await h.run('query', '--kpi', 'sjukfranvaro', '--unit', 'SOC', '--period', '2022-01:2022-05', '--suppress', '--json');
    expect(range.code).not.toBe(0);
    expect(range.err).toContain('finns inte i den skyddade sammanställningen');
  });

  it('query --json carries the year-end forecast, how it was made, and its status against the annual target', async () => {
    const r = json(await h.run('query', '--kpi', 'utbetalt-forsorjningsstod', '--unit', 'SOC', '--period', '2022-T1', '--json'));
    const f = r.forecast as { year: number; asOf: string; value: number; method: string; explanation: string; annualTarget: number | null };
    expect(f).toMatchObject({ year: 2022, asOf: '2022-04' });
    expect(['seasonal', 'run-rate']).toContain(f.method);
    expect(f.value).toBeGreaterThan(0);
    expect(f.explanation.length).toBeGreaterThan(10);
    expect(f.annualTarget).not.toBeNull();
    expect(['green', 'yellow', 'red']).toContain(r.forecastStatus);
    expect(r.suppressed).toBe(false);
    const text = await h.run('query', '--kpi', 'utbetalt-forsorjningsstod', '--unit', 'SOC', '--period', '2022-T1');
    expect(text.out).toMatch(/Prognos 2022: [\d ]+ kr \([●◆■] /);
  });

  it('placement costs T1 2022 have no goal target: their monthly budget is a budget (economy.get), never shown as Mål', async () => {
    const r = json(await h.run('query', '--kpi', 'placeringskostnad', '--unit', 'SOC', '--period', '2022-T1', '--json'));
    // Printed monthly costs 4 164 + 4 001 + 5 061 + 4 341 (001 line 499); the budget deviation −3 995 is economy's (001 l.487).
    expect(r.value).toBeCloseTo(17_567, 6);
    expect(r.target).toBeNull();
    expect(r.status).toBe('none');
  });

  it('user add creates a first admin without a default password: a one-time sign-in link instead', async () => {
    const added = await h.run('user', 'add', 'Greta', '--role', 'admin', '--name', 'Greta Gustafsson');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Användaren greta skapad med rollerna admin.');
    expect(added.out).toMatch(/Engångslänk för inloggning \(15 min\): http:\/\/[\d.]+:\d+\/auth\/open\?token=[\w-]{40,}/);
    const manager = await h.run('user', 'add', 'eva', '--role', 'enhetschef:BU', '--role', 'analytiker');
    expect(manager.code).toBe(0);
    const list = await h.run('user', 'list', '--json');
    const users = JSON.parse(list.out) as { username: string; hasPassword: boolean; roles: { role: string; unit: string | null }[] }[];
    expect(users.find((u) => u.username === 'greta')).toMatchObject({ hasPassword: false, roles: [{ role: 'admin', unit: null }] });
    expect(users.find((u) => u.username === 'eva')?.roles).toEqual([
      { role: 'enhetschef', unit: 'BU' },
      { role: 'analytiker', unit: null },
    ]);
  });

  it('user add explains a bad role, a missing unit and a duplicate, with exit codes', async () => {
    expect(await h.run('user', 'add', 'x1', '--role', 'kung')).toMatchObject({ code: 2, err: expect.stringContaining('Okänd roll "kung"') as unknown });
    expect(await h.run('user', 'add', 'x1', '--role', 'enhetschef')).toMatchObject({ code: 2, err: expect.stringContaining('--role enhetschef:KOD') as unknown });
    await h.run('user', 'add', 'x2', '--role', 'analytiker');
    expect(await h.run('user', 'add', 'x2', '--role', 'analytiker')).toMatchObject({ code: 1, err: expect.stringContaining('finns redan') as unknown });
  });

  it('org add makes a tenant; --org points every command at it, and at nothing of the others', async () => {
    expect(await h.run('org', 'add', 'flen', '--name', 'Flens kommun')).toMatchObject({
      code: 0,
      out: expect.stringContaining('user add <användarnamn> --org flen --role admin') as unknown,
    });
    expect(await h.run('org', 'add', 'flen', '--name', 'Igen')).toMatchObject({ code: 2, err: expect.stringContaining('finns redan') as unknown });
    expect(await h.run('org', 'add', 'Flen kommun!', '--name', 'X')).toMatchObject({ code: 2, err: expect.stringContaining('a–z, 0–9 och bindestreck') as unknown });
    expect(await h.run('org', 'add', 'vingaker')).toMatchObject({ code: 2, err: expect.stringContaining('--name') as unknown });
    const added = await h.run('user', 'add', 'stina', '--org', 'flen', '--role', 'admin');
    expect(added.code).toBe(0);
    const flenUsers = JSON.parse((await h.run('user', 'list', '--org', 'flen', '--json')).out) as { username: string }[];
    expect(flenUsers.map((u) => u.username)).toEqual(['stina']);
    const katUsers = JSON.parse((await h.run('user', 'list', '--json')).out) as { username: string }[];
    expect(katUsers.map((u) => u.username)).not.toContain('stina');
    // The new tenant has no units or data of its own, and sees none of Katrineholm's.
    expect((await h.run('units', '--org', 'flen')).out).toContain('Organisationen "flen" har inga data ännu.');
    const list = await h.run('org', 'list');
    expect(list.out).toMatch(/^flen\s+1\s+Flens kommun$/m);
    expect(list.out).toMatch(/^katrineholm\s+\d+\s+.*Katrineholm/m);
    const missing = await h.run('query', '--org', 'finns-inte', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-01');
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('Organisationen "finns-inte" finns inte. Se vilka som finns med "pnpm lagesbild org list"') as unknown });
  });

  it('generate writes tenants beside the demo that the other commands reach with --org, and checks its flags', async () => {
    expect(await h.run('generate', '--orgs', '0')).toMatchObject({ code: 2, err: expect.stringContaining('Ogiltigt värde för --orgs: "0". Ange ett heltal 1–999.') as unknown });
    const r = await h.run('generate', '--orgs', '2', '--units', '4', '--kpis', '4', '--months', '12');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/gen-002: \d+ observationer/);
    expect(r.out).toContain('--org gen-001 --role admin');
    expect((await h.run('units', '--org', 'gen-002', '--month', '2019-06')).out.split('\n')[1]).toMatch(/^SOC\b/);
    const q = await h.run('query', '--org', 'gen-002', '--kpi', 'gen-utbetalt', '--unit', 'SOC', '--period', '2019-06', '--json');
    expect(q.code).toBe(0);
    expect((JSON.parse(q.out) as { value: number | null }).value).toBeGreaterThan(0);
    // The demo tenant is untouched and knows nothing of the generated KPIs' data.
    const kat = await h.run('query', '--kpi', 'gen-utbetalt', '--unit', 'SOC', '--period', '2019-06', '--json');
    expect((JSON.parse(kat.out) as { value: number | null }).value).toBeNull();
    // Someone looked at a generated tenant as its enhetschef; a second run still replaces it.
    expect((await h.run('user', 'add', 'ulla', '--org', 'gen-002', '--role', 'enhetschef:E001', '--role', 'analytiker')).code).toBe(0);
    expect((await h.run('generate', '--orgs', '2', '--units', '4', '--kpis', '4', '--months', '12')).code).toBe(0);
    const users = JSON.parse((await h.run('user', 'list', '--org', 'gen-002', '--json')).out) as { username: string; roles: { role: string }[] }[];
    expect(users).toMatchObject([{ username: 'ulla', roles: [{ role: 'analytiker' }] }]);
    // …which is why a real tenant may not take such an id.
    expect(await h.run('org', 'add', 'gen-009', '--name', 'Riktig kommun')).toMatchObject({
      code: 2,
      err: expect.stringContaining('reserverade för genererade testdata') as unknown,
    });
  });

  it('lists KPIs and the unit tree of a month', async () => {
    const kpis = await h.run('kpis');
    for (const id of [
      'hushall-utbetalt',
      'utbetalt-forsorjningsstod',
      'utbetalt-per-hushall',
      'placeringskostnad',
      'sjukfranvaro',
      'hme',
      'hme-motivation',
      'hme-ledarskap',
      'hme-styrning',
    ]) {
      expect(kpis.out).toContain(id);
    }
    const units = await h.run('units', '--month', '2020-03');
    expect(units.code).toBe(0);
    expect(units.out.split('\n')[1]).toMatch(/^SOC\b/);
  });

  it('rejects bad arguments with a Swedish message and exit code 2', async () => {
    const bad = await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-T4');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Okänd period "2022-T4"');
    const unknown = await h.run('query', '--kpi', 'finns-inte', '--unit', 'SOC', '--period', '2022');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('finns-inte');
  });

  it('an import with an unknown KPI fails naming row and column and changes nothing', async () => {
    const before = await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022', '--json');
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'kpi,unit,period,gender,value\nhushall-utbetal,X,2022-13,K,12a\n');
    const r = await h.run('import', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/rad 2/);
    expect(r.err).toMatch(/kolumn kpi/);
    expect(r.err).toMatch(/kolumn period/);
    expect(r.err).toMatch(/kolumn value/);
    expect(r.err).toContain('Inget har sparats');
    const after = await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022', '--json');
    expect(after.out).toBe(before.out);
  });

  it('imports a good file, shows it in queries, and a second import changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
    const file = join(dir, 'maj-2022.csv');
    writeFileSync(file, 'kpi;enhet;period;kön;värde\nhushall-utbetalt;EKBIST;2022-05;K;200\nhushall-utbetalt;EKBIST;2022-05;M;230\n');
    const dry = await h.run('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Provkörning');
    // The demo data holds May 2022 already: changing stored figures is never silent.
    const held = await h.run('import', file);
    expect(held.code).toBe(1);
    expect(held.err).toMatch(
      /^VARNING: 2 sparade värden för KPI "hushall-utbetalt", enhet "EKBIST" ändras av filen \(första i fil maj-2022\.csv, rad 2, kolumn värde\): 2022-05 kön K: \d+ → 200 \(rad 2\); 2022-05 kön M: \d+ → 230 \(rad 3\)\. .* Kör igen med --yes för att spara ändå\.$/m,
    );
    const first = await h.run('import', file, '--yes');
    expect(first.err).toMatch(/^VARNING: 2 sparade värden/);
    expect(first.out).toMatch(/Importerad som batch \d+/);
    const may = JSON.parse((await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2022-05', '--json')).out) as { value: number; origin: string };
    expect(may.value).toBe(430);
    expect(may.origin).toBe('reported');
    const second = await h.run('import', file);
    expect(second.code).toBe(0);
    expect(second.out).toContain('redan importerad');
  });

  it('the 2022 report: the "?" stops it, --skip-missing needs --yes, then it imports once, audited, and again changes nothing', async () => {
    const stopped = await h.run('import', SAMPLE_2022, '--unit', 'EKBIST');
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain('FEL: Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal');
    expect(stopped.err).toContain('Inget har sparats');

    const held = await h.run('import', SAMPLE_2022, '--unit', 'EKBIST', '--skip-missing');
    expect(held.code).toBe(1);
    expect(held.err).toContain('VARNING: Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars betyder att uppgift saknas');
    expect(held.err).toContain('kör samma kommando igen med --yes');
    expect(held.out).not.toMatch(/Importerad/);

    const dry = await h.run('import', SAMPLE_2022, '--unit', 'EKBIST', '--skip-missing', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Provkörning (inget sparat): 0 nya, 0 ändrade, 155 oförändrade, 1 avvisade.');

    const done = await h.run('import', SAMPLE_2022, '--unit', 'EKBIST', '--skip-missing', '--yes');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/^Importerad som batch \d+: 0 nya, 0 ändrade, 155 oförändrade, 1 avvisade\.$/m);
    const batch = batchOf(done.out);

    const again = await h.run('import', SAMPLE_2022, '--unit', 'EKBIST', '--skip-missing', '--yes');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Filen statistik-forsorjningsstod-2022.csv är redan importerad; inget ändras.');

    const t = await h.withDb((db) => traces(db, batch));
    expect(t.audit).toHaveLength(1);
    expect(t.audit[0]).toMatchObject({ orgId: 'katrineholm', detail: { fileName: 'statistik-forsorjningsstod-2022.csv', format: 'wide-csv', unchanged: 155 } });
    expect(t.audit[0]?.actor).toMatch(/^cli:/);
    // Every figure equals the demo data already, so no screen has anything to refetch: no event.
    expect(t.events).toHaveLength(0);
  });

  it('a corrected old month shows old → new, needs --yes, and writes one audit entry and one event in the import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
    const file = join(dir, 'rättad-2022.csv');
    writeFileSync(file, readFileSync(SAMPLE_2022, 'utf8').replace('Aktualiseringar;107;105;95;89', 'Aktualiseringar;107;105;95;90'));
    const dry = await h.run('import', file, '--unit', 'EKBIST', '--skip-missing', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Provkörning (inget sparat): 0 nya, 1 ändrade, 154 oförändrade, 1 avvisade.');
    expect(dry.out).toContain('aktualiseringar EKBIST 2022-04 T: 89 → 90 (rad 13)');
    expect(dry.err).toContain('ändras från 89 till 90, men det sparade värdet kommer från en nyare rapport');

    const held = await h.run('import', file, '--unit', 'EKBIST', '--skip-missing');
    expect(held.code).toBe(1);
    expect(held.err).toContain('--yes');
    const done = await h.run('import', file, '--unit', 'EKBIST', '--skip-missing', '--yes');
    expect(done.code).toBe(0);
    const batch = batchOf(done.out);
    const t = await h.withDb((db) => traces(db, batch));
    expect(t.audit).toHaveLength(1);
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.payload).toMatchObject({ kpis: ['aktualiseringar'], units: ['EKBIST'], months: ['2022-04'], fileName: 'rättad-2022.csv' });

    // Not a terminal: the rollback shows what it would change and is refused without --yes.
    const refused = await h.run('rollback', String(batch));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`Import ${batch} (rättad-2022.csv) återställs: 1 värden i 1 nyckeltal, 2022-04; 1 får tillbaka sitt tidigare värde och 0 tas bort.`);
    expect(refused.err).toContain(
      `Återställningen måste bekräftas, och här finns ingen terminal att svara i. Inget har ändrats. Kör igen med --yes: pnpm lagesbild rollback ${batch} --yes`,
    );
    const rolledBackYet = () =>
      h.withDb((db) =>
        db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'import.rolled_back'), eq(auditLog.target, `batch:${batch}`))),
      );
    expect(await rolledBackYet()).toEqual([]);
    // At a terminal it asks; anything but "ja" changes nothing.
    const declined = await h.runAnswering('nej', 'rollback', String(batch));
    expect(declined.code).toBe(1);
    expect(declined.err).toContain('Återställ? Skriv ja för att fortsätta: ');
    expect(declined.err).toContain('Inget har återställts (svaret var inte ja).');
    expect(await rolledBackYet()).toEqual([]);
    const undone = await h.run('rollback', String(batch), '--yes');
    expect(undone.code).toBe(0);
    expect(undone.out).toContain(`Import ${batch} återställd: 1 värden tillbaka till tidigare version, 0 borttagna.`);
    const rolledBack = await h.withDb((db) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'import.rolled_back'), eq(auditLog.target, `batch:${batch}`))),
    );
    expect(rolledBack).toHaveLength(1);
  });

  it('--skip-missing also skips a "?" in a long CSV, with a warning that needs --yes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
    const file = join(dir, 'juni-2022.csv');
    writeFileSync(file, 'kpi,unit,period,gender,value\nhushall-utbetalt,EKBIST,2022-06,K,?\nhushall-utbetalt,EKBIST,2022-06,M,230\n');
    const stopped = await h.run('import', file);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain('Värdet "?" i fil juni-2022.csv, rad 2, kolumn value är inte ett tal.');
    const held = await h.run('import', file, '--skip-missing');
    expect(held.code).toBe(1);
    expect(held.err).toContain('VARNING: Värdet "?" i fil juni-2022.csv, rad 2, kolumn value betyder att uppgift saknas; det hoppas över och importeras inte.');
    const done = await h.run('import', file, '--skip-missing', '--yes');
    expect(done.code).toBe(0);
    // The demo data has a synthetic June 2022: the reported figure replaces it.
    expect(done.out).toMatch(/Importerad som batch \d+: 0 nya, 1 ändrade, 0 oförändrade, 1 avvisade\./);
  });

  it('a bad --unit is one message about the flag, naming the units, not one per row of the file', async () => {
    const r = await h.run('import', SAMPLE_2022, '--unit', 'EKBISTT', '--skip-missing');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('FEL:'))).toEqual([
      expect.stringMatching(
        /^FEL: Enheten "EKBISTT" som angavs för importen finns inte i organisationen\. Det gäller importens val av enhet, inte filen statistik-forsorjningsstod-2022\.csv\. Välj en av: .*EKBIST \(.*\. Ange enheten med --unit KOD\.$/,
      ),
    ]);
  });

  it('import explains a bad --year and a missing file in Swedish', async () => {
    const year = await h.run('import', SAMPLE_2022, '--year', '22');
    expect(year).toMatchObject({ code: 2, err: expect.stringContaining('Ogiltigt år "22"') as unknown });
    const missing = await h.run('import', 'finns-inte.csv');
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('Kan inte läsa filen "finns-inte.csv": ENOENT') as unknown });
  });
  // Last in the file: it moves the latest month on to 2023.
  it('demo-live imports the next months through the import service: synthetic, audited, one event each', async () => {
    const r = await h.run('demo-live', '--interval', '0.2', '--count', '2');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.slice(0, 8))).toEqual(['2023-01:', '2023-02:']);
    const batches = [...r.out.matchAll(/batch (\d+)/g)].map((m) => Number(m[1]));
    expect(batches).toHaveLength(2);
    const months: unknown[] = [];
    for (const b of batches) {
      const t = await h.withDb((db) => traces(db, b));
      expect(t.audit).toHaveLength(1);
      expect(t.events).toHaveLength(1);
      months.push(t.events[0]?.payload.months);
    }
    expect(months).toEqual([['2023-01'], ['2023-02']]);
    const q = json(await h.run('query', '--kpi', 'hushall-utbetalt', '--unit', 'SOC', '--period', '2023-02', '--json'));
    expect(q.origin).toBe('synthetic');
    expect(q.value).toEqual(expect.any(Number));
    const bad = await h.run('demo-live', '--interval', '0');
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('Ogiltigt intervall') as unknown });
  });
});
