import type { koladaSv } from './kolada-sv.js';

/** Kolada beside our own figures (KPI detail). */
export const koladaEn: typeof koladaSv = {
  title: 'Comparison with other municipalities',
  source: 'Source: {source}, {years}. Fetched {date}.',
  kpi: "Kolada's KPI: {title} ({id})",
  municipality: 'Municipality',
  role: { own: 'own municipality', riket: 'whole country', group: 'municipality group', chosen: 'chosen comparison' },
  genders: 'W {k} · M {m}',
  missing: 'no figure',
  yearly: 'Kolada reports whole years; our own figures above follow the months and are not drawn in the same series.',
};
