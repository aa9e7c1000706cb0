import { describe, expect, it } from 'vitest';
import { driftRow } from '../economy/row.js';
import { parsePeriod } from '../period.js';
import { driftDelar2020, emptyReport, reportKpi } from './builders.js';
import { diffReports } from './diff.js';
import { driftHead, driftTextRows, reportDrift } from './drift.js';
import { prognosNote } from './text.js';

describe('the report’s driftsredovisning', () => {
  it('takes the economy window’s last month and the rows of the table, the prognos as the förvaltning gave it (004 l.250)', () => {
    const namnd = { unit: 'NAMND', name: 'Socialnämnd', depth: 1, ...driftRow(-861, -934, 100) };
    const d = reportDrift(parsePeriod('2020-D'), { units: [namnd], total: driftRow(-861, -934, 100) }, 'Prognos avvikelse per 31/12 2020');
    expect(d.through).toBe('2020-08');
    expect(d.rows).toEqual([{ unit: 'NAMND', name: 'Socialnämnd', depth: 1, utfall: -861, budget: -934, avvikelse: 73, prognos: 100 }]);
    expect(reportDrift(parsePeriod('2022-T1'), { units: [], total: null }, null).through).toBe('2022-04');
  });

  it('prints whole tkr in Swedish, "–" for no prognos, the Summa last and bold; headers per the window', () => {
    const d = driftDelar2020();
    expect(driftTextRows(d).map((r) => [r.name, ...r.cells, r.total])).toEqual([
      ['Socialnämnd', '-861', '-934', '73', '100', false],
      ['Barn och unga', '-23 250', '-19 584', '-3 666', '-7 500', false],
      ['Barn och familj', '-25 376', '-20 542', '-4 834', '–', false],
      ['Summa', '-49 487', '-41 060', '-8 427', '-7 400', true],
    ]);
    expect(driftHead(d)).toEqual(['Enhet (tkr)', 'Utfall per 31/8 2020', 'Budget per 31/8 2020', 'Avvikelse per 31/8 2020', 'Prognos avvikelse per 31/12 2020']);
    expect(driftHead({ through: '2022-04', prognosLabel: null })[4]).toBe('Prognos avvikelse helår 2022');
    expect(driftHead(d, 'en')[1]).toBe('Outturn to 31 Aug 2020');
    expect(driftTextRows({ rows: [{ unit: 'X', name: 'X', depth: 0, utfall: -0.4, budget: 1_234.6, avvikelse: 0, prognos: null }], total: null }, 'en')[0]?.cells).toEqual([
      '0',
      '1,235',
      '0',
      '–',
    ]);
  });

  it('a fastställd version shows which driftsredovisning cell moved since', () => {
    const before = emptyReport({ driftsredovisning: driftDelar2020() });
    const moved = driftDelar2020();
    const after = emptyReport({ driftsredovisning: { ...moved, rows: moved.rows.map((r) => (r.unit === 'BU' ? { ...r, utfall: -23_300, avvikelse: -3_716 } : r)) } });
    expect(diffReports(before, after)).toEqual([
      { section: 'ekonomi', row: 'Barn och unga', column: 'Utfall', before: '-23 250', after: '-23 300' },
      { section: 'ekonomi', row: 'Barn och unga', column: 'Avvikelse', before: '-3 666', after: '-3 716' },
    ]);
  });
});

describe('the förvaltning’s prognos of a KPI', () => {
  it('says prognos with its origin, never mål, in both languages; nothing when there is none', () => {
    const p = { value: 600, year: 2020, origin: 'reported' as const, source: 'Prognos 2020, Delårsrapport 2020, 004 rad 80' };
    expect(prognosNote(p, 'count', 0)).toBe('Förvaltningens prognos 2020: 600 (enligt rapport)');
    expect(prognosNote({ ...p, value: 25_000, origin: 'user' }, 'days', 0, 'en')).toBe("Administration's forecast 2020: 25,000 days (entered in Lägesbild)");
    expect(prognosNote(null, 'count', 0)).toBeNull();
    expect(prognosNote(undefined, 'count', 0)).toBeNull();
  });

  it('a changed prognos is a change of a fastställd report', () => {
    const row = reportKpi({ kpi: 'hushall-utbetalt', name: 'Hushåll', prognos: { value: 600, year: 2020, origin: 'reported', source: null } });
    const changes = diffReports(
      emptyReport({ volymmatt: [row] }),
      emptyReport({ volymmatt: [{ ...row, prognos: { ...row.prognos, value: 580, year: 2020, origin: 'user', source: null } }] }),
    );
    expect(changes).toEqual([
      {
        section: 'volymmatt',
        row: 'Hushåll',
        column: 'Förvaltningens prognos',
        before: 'Förvaltningens prognos 2020: 600 (enligt rapport)',
        after: 'Förvaltningens prognos 2020: 580 (angiven i Lägesbild)',
      },
    ]);
  });
});
