/** Swedish texts for the comments on the KPI chart, the drill-down chart and the period picker's YTD, R12 and own range. (vue-i18n syntax: avoid @ | $ in messages.) */
export const chartsSv = {
  chartMarks: {
    comment: 'Kommentar',
    more: '(+{n} till)',
    label: 'Kommentarer finns vid {periods} (se Kommentarer nedan).',
  },
  drillChart: {
    title: 'Diagram per enhet',
    label: '{kpi} per enhet under {unit}, {period}: värde, mål och föregående år. Samma siffror finns i tabellen.',
    value: 'Värde',
    lastYear: 'Föregående år',
    target: 'Mål',
    hidden: 'dolt',
    show: 'Visa',
    chart: 'Diagram',
    table: 'Tabell',
  },
  periodChoice: {
    ytd: 'Hittills i år',
    rolling12: 'Rullande 12 mån',
    running: 'Löpande perioder',
    range: 'Eget intervall',
    from: 'Från',
    to: 'Till',
    apply: 'Visa intervallet',
    backwards: 'Till-månaden ligger före från-månaden.',
    tooLong: 'Ett intervall får vara högst {max} månader.',
    outside: 'Välj månader mellan {min} och {max}.',
  },
};
