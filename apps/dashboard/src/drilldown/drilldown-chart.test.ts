import { describe, expect, it } from 'vitest';
import { drillBar, drillChartHeight, drillChartOption, type DrillBar } from './drilldown-chart.js';

const HIDDEN = { mark: 'primary', noun: 'households', threshold: 5 };
const row = (name: string, value: number | null, hidden: unknown, target: number | null, ly: number | null, lyHidden: unknown = null) => ({
  name,
  value,
  hidden,
  target,
  change: { lastYear: { value: ly, hidden: lyHidden } },
});
const labels = { value: 'Värde', lastYear: 'Föregående år', target: 'Mål', hidden: 'dolt' };

describe('the drill-down chart', () => {
  const bars: DrillBar[] = [drillBar(row('Barn och unga', 12, null, 10, 9)), drillBar(row('Vuxen', null, HIDDEN, 10, 3, null)), drillBar(row('Öst', 7, null, null, null, HIDDEN))];
  const option = drillChartOption({ rows: bars, labels, formatValue: (v) => `${v} st`, formatAxis: String });
  type Series = { type: string; name: string; data: (number | null)[] };
  const series = option.series as Series[];

  it('draws each unit’s value and last year as bars and the target as ticks, in the table’s order', () => {
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Värde'],
      ['bar', 'Föregående år'],
      ['line', 'Mål'],
    ]);
    expect(series.map((s) => s.data)).toEqual([
      [12, null, 7],
      [9, 3, null],
      [10, 10, null],
    ]);
    expect((option.yAxis as { data: string[]; inverse: boolean }).inverse).toBe(true);
  });

  it('never draws a hidden value, names the unit as hidden, and says "dolt" in the tooltip', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['Barn och unga', 'Vuxen (dolt)', 'Öst']);
    // A hidden value sent with a number by mistake is still not drawn.
    expect(drillBar(row('X', 4, HIDDEN, null, 4, HIDDEN))).toMatchObject({ value: null, hidden: true, lastYear: null, lastYearHidden: true });
    const tip = (option.tooltip as { formatter: (p: { dataIndex: number }[]) => string }).formatter;
    expect(tip([{ dataIndex: 1 }])).toBe(
      '<div style="font-weight:700">Vuxen</div>' +
        '<div>Värde <strong style="float:right;margin-left:1.2em">dolt</strong></div>' +
        '<div>Mål <strong style="float:right;margin-left:1.2em">10 st</strong></div>' +
        '<div>Föregående år <strong style="float:right;margin-left:1.2em">3 st</strong></div>',
    );
    expect(tip([{ dataIndex: 2 }])).toContain('Mål <strong style="float:right;margin-left:1.2em">–</strong>');
    expect(tip([{ dataIndex: 2 }])).toContain('Föregående år <strong style="float:right;margin-left:1.2em">dolt</strong>');
  });

  it('leaves out the target when no unit has one, and grows with the number of units', () => {
    const none = drillChartOption({ rows: [drillBar(row('A', 1, null, null, null))], labels, formatValue: String, formatAxis: String });
    expect((none.series as Series[]).map((s) => s.name)).toEqual(['Värde', 'Föregående år']);
    expect(drillChartHeight(10)).toBeGreaterThan(drillChartHeight(2));
    expect(drillChartHeight(0)).toBe(drillChartHeight(1));
  });
});
