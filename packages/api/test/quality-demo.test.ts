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
});
