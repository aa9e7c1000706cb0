import { formatPeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { legendItems } from './chart-legend.js';
import { detailChartOption, escapeHtml, type DetailChartInput } from './chart-option.js';
import { commentMarks, firstLine } from './comment-marks.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`);
const label = (p: Parameters<typeof formatPeriod>[0]) => formatPeriod(p, 'sv');

describe('where comments stand on the chart', () => {
  it('puts a month’s comment at its month and a tertial’s at its last month, newest first with the rest counted', () => {
    const marks = commentMarks(
      [
        { period: '2022-03', body: '\n  Fler hushåll efter\nnedläggningen' },
        { period: '2022-T1', body: 'Tertialens kommentar' },
        { period: '2022-03', body: 'Äldre kommentar' },
      ],
      MONTHS,
      label,
    );
    expect(marks).toEqual([
      { index: 2, label: 'mar 2022', firstLine: 'Fler hushåll efter', more: 1 },
      { index: 3, label: 'T1 2022', firstLine: 'Tertialens kommentar', more: 0 },
    ]);
  });
  it('finds the bar that holds the period at tertial and year grain, and leaves out comments outside the chart', () => {
    expect(commentMarks([{ period: '2022-06', body: 'Juni' }], ['2022-T1', '2022-T2', '2022-T3'], label).map((m) => m.index)).toEqual([1]);
    expect(commentMarks([{ period: '2021-D', body: 'Delår' }], ['2020', '2021', '2022'], label).map((m) => m.index)).toEqual([1]);
    expect(commentMarks([{ period: '2019-05', body: 'Förr' }], MONTHS, label)).toEqual([]);
  });
  it('takes the first line that has text', () => {
    expect(firstLine('\n\n  Rad ett  \nRad två')).toBe('Rad ett');
    expect(firstLine('   ')).toBe('');
  });
});

describe('the chart option with comments', () => {
  const input = (comments: DetailChartInput['comments']): DetailChartInput => ({
    kind: 'line',
    categories: ['jan', 'feb', 'mar'],
    lines: [{ key: 'T', name: 'Totalt', values: [10, null, 30] }],
    target: { name: 'Mål', values: [20, 20, 20] },
    band: { name: 'Tolerans', lower: [19, 19, 19], upper: [21, 21, 21] },
    lastYear: null,
    forecast: null,
    comments,
    formatValue: (v) => `${v} kr`,
    formatAxis: String,
  });
  type Series = { name: string; data: unknown[]; symbol?: string; label?: { formatter?: (p: { dataIndex: number }) => string } };
  const tooltipOf = (option: ReturnType<typeof detailChartOption>) =>
    (option.tooltip as { formatter: (p: { seriesIndex: number; seriesName: string; dataIndex: number; name: string; value: unknown; marker: string }[]) => string }).formatter;

  it('pins each commented period at the height of the first line there and draws a line down it', () => {
    const marks = [
      { index: 1, label: 'feb 2022', firstLine: 'Februari', more: 0 },
      { index: 2, label: 'mar 2022', firstLine: 'Mars', more: 2 },
    ];
    const option = detailChartOption(input({ name: 'Kommentar', marks, more: (n) => `(+${n} till)` }));
    const series = option.series as Series[];
    const [pins, ...lines] = series.filter((s) => s.name === 'Kommentar');
    // February has no value of its own: the pin stands at the target there, never at the band's stacked height.
    expect(pins?.symbol).toBe('pin');
    expect(pins?.data).toEqual([null, 20, 30]);
    // Each pin tells how many comments stand at its category.
    expect([1, 2].map((dataIndex) => pins?.label?.formatter?.({ dataIndex }))).toEqual(['1', '3']);
    // A line down each commented category, from the axis (0) to the highest value drawn.
    expect(lines.map((l) => l.data)).toEqual([
      [
        [1, 0],
        [1, 30],
      ],
      [
        [2, 0],
        [2, 30],
      ],
    ]);
    expect(legendItems(option).filter((i) => i.name === 'Kommentar')).toEqual([{ key: 'comments', name: 'Kommentar', colour: '', mark: 'pin' }]);
  });

  it('shows the first line in the axis tooltip at its category only, escaped, after the values', () => {
    const marks = [{ index: 2, label: 'mar 2022', firstLine: 'Se <b>bilaga</b> & "plan"', more: 2 }];
    const option = detailChartOption(input({ name: 'Kommentar', marks, more: (n) => `(+${n} till)` }));
    const series = option.series as Series[];
    const at = (dataIndex: number) =>
      series.map((s, seriesIndex) => ({
        seriesIndex,
        seriesName: s.name,
        dataIndex,
        name: ['jan', 'feb', 'mar'][dataIndex] ?? '',
        value: seriesIndex === 2 ? [10, null, 30][dataIndex] : 20,
        marker: '•',
      }));
    const march = tooltipOf(option)(at(2));
    expect(march).toContain('Totalt <strong style="float:right;margin-left:1.2em">30 kr</strong>');
    expect(march).toContain('Kommentar: Se &lt;b&gt;bilaga&lt;/b&gt; &amp; &quot;plan&quot; <em>(+2 till)</em>');
    // The band's two stacked series are not values to read.
    expect(march).not.toContain('Tolerans');
    const january = tooltipOf(option)(at(0));
    expect(january).not.toContain('Kommentar');
    expect(tooltipOf(option)(at(1))).toContain('Totalt <strong style="float:right;margin-left:1.2em">–</strong>');
  });

  it('adds nothing when there are no comments', () => {
    const option = detailChartOption(input({ name: 'Kommentar', marks: [], more: String }));
    expect((option.series as Series[]).map((s) => s.name)).toEqual(['Tolerans', 'Tolerans', 'Totalt', 'Mål']);
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });
});
