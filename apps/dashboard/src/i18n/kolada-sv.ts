/** Kolada beside our own figures (KPI detail). */
export const koladaSv = {
  title: 'Jämförelse med andra kommuner',
  source: 'Källa: {source}, {years}. Hämtad {date}.',
  kpi: 'Koladas nyckeltal: {title} ({id})',
  municipality: 'Kommun',
  role: { own: 'egen kommun', riket: 'hela landet', group: 'kommungrupp', chosen: 'vald jämförelse' },
  genders: 'K {k} · M {m}',
  missing: 'uppgift saknas',
  yearly: 'Kolada redovisar helår; våra egna tal ovan följer månaderna och visas inte i samma serie.',
};
