import type { chartsSv } from './charts-sv.js';

/** English texts for the comments on the KPI chart, the drill-down chart and the period picker's YTD, R12 and own range. */
export const chartsEn: typeof chartsSv = {
  chartMarks: {
    comment: 'Comment',
    more: '(+{n} more)',
    label: 'There are comments at {periods} (see Comments below).',
  },
  drillChart: {
    title: 'Chart by unit',
    label: '{kpi} by unit under {unit}, {period}: value, target and previous year. The same figures are in the table.',
    value: 'Value',
    lastYear: 'Previous year',
    target: 'Target',
    hidden: 'hidden',
    show: 'Show',
    chart: 'Chart',
    table: 'Table',
  },
  periodChoice: {
    ytd: 'Year to date',
    rolling12: 'Rolling 12 months',
    running: 'Running periods',
    range: 'Custom range',
    from: 'From',
    to: 'To',
    apply: 'Show the range',
    backwards: 'The to month is before the from month.',
    tooLong: 'A range may be at most {max} months.',
    outside: 'Choose months between {min} and {max}.',
  },
};
