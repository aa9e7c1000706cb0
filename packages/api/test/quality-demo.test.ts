import { parsePeriod, type Gender } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { computeKpiValues, loadEngineContext } from '../src/engine/index.js';
import { demoCallers } from './demo-callers.js';

/**
 * Lex Sarah, ej verkställda gynnande beslut and the kvalitetsberättelse (docs/inventory.md) on the demo:
 * two count KPIs with the figures the nämnd was given, and the texts as comments on them.
 */
describe('the nämnd’s quality matters on the demo', () => {
  const { chef, manager, db } = demoCallers();
  /** The engine's value before the privacy step (a count of one person is hidden in every view). */
  const exact = async (kpi: string, period: string, gender: Gender = 'T') => {
    const [v] = await computeKpiValues(db(), await loadEngineContext(db(), 'katrineholm'), { kpiIds: [kpi], unit: 'SOC', period: parsePeriod(period), gender });
    return v?.value ?? null;
  };

  it('001 l.284–287: one gynnande beslut not verkställt in the first quarter of 2022, a boy (kontaktfamilj)', async () => {
    expect(await exact('ej-verkstallda-beslut', '2022-01:2022-03')).toBe(1);
    expect(await exact('ej-verkstallda-beslut', '2022-01:2022-03', 'M')).toBe(1);
    expect(await exact('ej-verkstallda-beslut', '2022-01:2022-03', 'K')).toBe(0);
    expect(await exact('ej-verkstallda-beslut', '2022-T1')).toBe(1);
    const [comment] = await chef().comment.list({ kpi: 'ej-verkstallda-beslut', unit: 'SOC', period: '2022-T1' });
    expect(comment?.body).toContain('kontaktfamilj, 1 (pojke), beslutsdatum 2021-10-21, anmält till IVO 2022-04-26');
  });

  it('lex Sarah: the utredning of 003 l.711 (meeting 21 March 2018) and the anmälan on the agenda of 001 l.10 (May 2022)', async () => {
    expect(await exact('lex-sarah-arenden', '2018-03')).toBe(1);
    expect(await exact('lex-sarah-arenden', '2018')).toBe(1);
    expect(await exact('lex-sarah-arenden', '2022-05')).toBe(1);
    // No source tells of 2019: no figure, never an invented zero.
    expect(await exact('lex-sarah-arenden', '2019')).toBeNull();
  });

  it('a count of one person is hidden from a role that reads the protected release, as any small count', async () => {
    const card = (await manager(['SOC']).overview.get({ unit: 'SOC', period: '2022-T1' })).cards.find((c) => c.kpi === 'ej-verkstallda-beslut');
    expect(card?.value).toBeNull();
    expect(card?.hidden).not.toBeNull();
  });

  it('the kvalitetsberättelse 2017 (003 l.2055–2160) is a comment on the lex Sarah KPI with its printed figures', async () => {
    const [comment] = await chef().comment.list({ kpi: 'lex-sarah-arenden', unit: 'SOC', period: '2018-03' });
    const body = comment?.body ?? '';
    // 003 l.2064: Totalt 54 avvikelser; l.2116: 37 klagomål and three synpunkter, 10 direkt (l.2126) and 27 via IVO (l.2139); l.2146: 3 synpunkter.
    expect(body).toContain('Avvikelser 2017: 54 (brister i verksamhetssystemet Treserva 14');
    expect(body).toContain('Klagomål 2017: 37 (10 direkt till verksamheten, 27 via IVO) och 3 synpunkter');
    // 003 l.2152 and l.2158: the anmälan to IVO on 14 June 2017, closed by IVO on 12 December.
    expect(body).toContain('14 juni 2017');
    expect(body).toContain('12 december 2017');
    expect(comment?.author).toContain('Kvalitetsberättelse 2017');
  });

  /** A share in whole per cent, as the kvalitetsberättelse prints it. */
  const percent = async (kpi: string, gender: Gender = 'T') => {
    const v = await exact(kpi, '2017', gender);
    return v === null ? null : Math.round(v);
  };

  it('003 l.1957–1959: the brukarundersökning 2017 for ekonomiskt bistånd (99 of 131 answered)', async () => {
    // l.1957: 99 answered of 131 offered (76 %); 99 % positive on getting in touch.
    expect(await exact('brukar-eb-svarande', '2017')).toBeCloseTo((99 / 131) * 100, 6);
    expect(await percent('brukar-eb-kontakt')).toBe(99);
    // l.1959: 89 % satisfied overall; 89 % positive on understanding, 94 % of the men and 85 % of the women.
    expect(await percent('brukar-eb-nojd')).toBe(89);
    expect([await percent('brukar-eb-forstaelse'), await percent('brukar-eb-forstaelse', 'M'), await percent('brukar-eb-forstaelse', 'K')]).toEqual([89, 94, 85]);
    // A survey month, not a year's count: the September answers are the whole year's figure, and before 2017 there is none.
    expect(await percent('brukar-eb-kontakt')).toBe(Math.round((await exact('brukar-eb-kontakt', '2017-09')) ?? 0));
    expect(await exact('brukar-eb-kontakt', '2016')).toBeNull();
  });

  it('003 l.1978–1980: the brukarundersökning 2017 for vårdnadshavare (31 of 41 answered)', async () => {
    // l.1978: 31 of 41 (printed "75 % svarsfrekvens": 75,6 % cut, not rounded); 80 % positive on getting in touch.
    expect(await exact('brukar-vh-svarande', '2017')).toBeCloseTo((31 / 41) * 100, 6);
    expect(await percent('brukar-vh-kontakt')).toBe(80);
    // l.1980: 97 % positive on understanding, 100 % of the men and 94 % of the women.
    expect([await percent('brukar-vh-forstaelse'), await percent('brukar-vh-forstaelse', 'M'), await percent('brukar-vh-forstaelse', 'K')]).toEqual([97, 100, 94]);
    // l.1980: 93 % satisfied, 91 % of the men — and "93 % of the women" cannot hold with them: the total lies between
    // the two genders' shares and rounds to 93 only from 92,5 %, which with at most 31 answers takes the women to 94 %
    // or more (no whole counts give 93/91/93). The demo keeps the total and the men as printed; the women read 94 %.
    expect([await percent('brukar-vh-nojd'), await percent('brukar-vh-nojd', 'M'), await percent('brukar-vh-nojd', 'K')]).toEqual([93, 91, 94]);
  });

  it('003 l.1957–1980: the survey beside Riket, as the Kolada comparison (jfr … i riket)', async () => {
    const riket = async (kpi: string) => {
      const c = await chef().kolada.comparison({ kpi });
      return c?.rows.map((r) => `${r.role}=${r.years[2017]?.T?.value}`);
    };
    expect(await riket('brukar-eb-kontakt')).toEqual(['own=99', 'riket=85']);
    expect(await riket('brukar-eb-nojd')).toEqual(['own=89', 'riket=83']);
    expect(await riket('brukar-vh-kontakt')).toEqual(['own=80', 'riket=90']);
    expect(await riket('brukar-vh-forstaelse')).toEqual(['own=97', 'riket=87']);
  });

  it('003 l.1999 and l.2007: KKiK, väntetid försörjningsstöd 23 → 11 days and utredningstid barn och unga 76 → 105 days', async () => {
    expect([await exact('kkik-vantetid-forsorjningsstod', '2016'), await exact('kkik-vantetid-forsorjningsstod', '2017')]).toEqual([23, 11]);
    expect([await exact('kkik-utredningstid-barn', '2016'), await exact('kkik-utredningstid-barn', '2017')]).toEqual([76, 105]);
  });

  it('003 l.2052–2146: avvikelser (54) and klagomål (10 direct, 27 via IVO) by category, 37 klagomål and 3 synpunkter in 2017', async () => {
    // Each category: KPI id, seed line, printed figure; the totals' lines below.
    const categories: [string, number, number][] = [
      ['avvikelser-verksamhetssystem', 2054, 14],
      ['avvikelser-lokal-utrustning', 2055, 8],
      ['avvikelser-dokumentation', 2056, 7],
      ['avvikelser-tolktjanst', 2057, 5],
      ['avvikelser-insats', 2058, 5],
      ['avvikelser-utskick', 2059, 4],
      ['avvikelser-bemotande', 2060, 4],
      ['avvikelser-annan-myndighet', 2061, 4],
      ['avvikelser-rutiner', 2062, 2],
      ['avvikelser-chefsstod', 2063, 1],
      ['klagomal-direkt-handlaggare', 2120, 3],
      ['klagomal-direkt-insats', 2121, 3],
      ['klagomal-direkt-dodsbo', 2122, 1],
      ['klagomal-direkt-ersattning', 2123, 1],
      ['klagomal-direkt-handlaggning', 2124, 1],
      ['klagomal-direkt-journal', 2125, 1],
      ['klagomal-ivo-barnarenden', 2132, 13],
      ['klagomal-ivo-ekonomiskt-bistand', 2133, 5],
      ['klagomal-ivo-bemotande', 2134, 3],
      ['klagomal-ivo-boende', 2135, 3],
      ['klagomal-ivo-missbruk', 2136, 1],
      ['klagomal-ivo-handlingar', 2137, 1],
      ['klagomal-ivo-journal', 2138, 1],
    ];
    for (const [kpi, line, n] of categories) expect([kpi, line, await exact(kpi, '2017')]).toEqual([kpi, line, n]);
    // l.2064: avvikelser Totalt 54; l.2126: 10 klagomål direct; l.2139: 27 via IVO; each the sum of its categories.
    const sum = (prefix: string) => categories.filter(([kpi]) => kpi.startsWith(prefix)).reduce((a, [, , n]) => a + n, 0);
    expect([sum('avvikelser-'), sum('klagomal-direkt-'), sum('klagomal-ivo-')]).toEqual([54, 10, 27]);
    expect([await exact('avvikelser', '2017'), await exact('klagomal-direkt', '2017'), await exact('klagomal-via-ivo', '2017')]).toEqual([54, 10, 27]);
    // l.2116: 37 klagomål and three synpunkter (l.2146).
    expect([await exact('klagomal', '2017'), await exact('synpunkter', '2017')]).toEqual([37, 3]);
    expect(await exact('avvikelser', '2018')).toBeNull();
  });

  it('a suppressed audience reads the 2017 survey from the protected release (99 respondents), and a category of one avvikelse not at all', async () => {
    const cards = async (unit: string) => (await manager([unit]).overview.get({ unit, period: '2017' })).cards;
    const survey = (await cards('EKBIST')).find((c) => c.kpi === 'brukar-eb-nojd');
    expect(Math.round(survey?.value ?? 0)).toBe(89);
    const one = (await cards('LEDN')).find((c) => c.kpi === 'avvikelser-chefsstod');
    expect(one?.value).toBeNull();
    expect(one?.hidden).not.toBeNull();
  });
});
