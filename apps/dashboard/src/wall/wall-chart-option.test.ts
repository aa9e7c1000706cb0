import { describe, expect, it } from 'vitest';
import { wallChartOption, type WallChartPoint } from './wall-chart-option.js';

type Series = { name: string; type: string; data: unknown[]; lineStyle: { width: number; type?: string } };
const points: WallChartPoint[] = [
  { periodLabel: 'jan 2022', value: 10, target: 12 },
  { periodLabel: 'feb 2022', value: null, target: 12 },
  { periodLabel: 'mar 2022', value: 14, target: null },
];

describe('the wall chart option', () => {
  it('draws the KPI with a gap for a missing month, and its target dashed with a legend', () => {
    const option = wallChartOption({ points, name: 'Sjukfrånvaro', targetName: 'Mål', unitLabel: '%', fontPx: 20 });
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Sjukfrånvaro', 'Mål']);
    expect(series[0]?.data).toEqual([10, null, 14]);
    expect(series[1]?.data).toEqual([12, 12, null]);
    expect(series[1]?.lineStyle.type).toBe('dashed');
    expect((option.xAxis as { data: string[] }).data).toEqual(['jan 2022', 'feb 2022', 'mar 2022']);
    expect((option.legend as { show: boolean }).show).toBe(true);
    expect(option.animation).toBe(false);
  });

  it('names the value axis with the unit', () => {
    const option = wallChartOption({ points, name: 'Utbetalt', targetName: 'Mål', unitLabel: 'tkr', fontPx: 24 });
    const y = option.yAxis as { name: string; nameTextStyle: { fontSize: number } };
    expect(y.name).toBe('tkr');
    expect(y.nameTextStyle.fontSize).toBe(24);
  });

  it('leaves out the target line and the legend when no month has a target', () => {
    const option = wallChartOption({ points: points.map((p) => ({ ...p, target: null })), name: 'Sjukfrånvaro', targetName: 'Mål', unitLabel: '%', fontPx: 20 });
    expect((option.series as Series[]).map((s) => s.name)).toEqual(['Sjukfrånvaro']);
    expect((option.legend as { show: boolean }).show).toBe(false);
  });

  it('sizes lines and type from the screen, and groups axis digits the Swedish way', () => {
    const small = wallChartOption({ points, name: 'x', targetName: 'Mål', unitLabel: '%', fontPx: 16 });
    const big = wallChartOption({ points, name: 'x', targetName: 'Mål', unitLabel: '%', fontPx: 48 });
    expect((big.series as Series[])[0]?.lineStyle.width).toBe(3 * ((small.series as Series[])[0]?.lineStyle.width ?? 0));
    expect((big.textStyle as { fontSize: number }).fontSize).toBeCloseTo(3 * (small.textStyle as { fontSize: number }).fontSize);
    const format = (big.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(format(6000000).replace(/\s/g, ' ')).toBe('6 000 000');
  });
});
