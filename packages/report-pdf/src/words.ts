import type { ReportAtgardRow, ReportDocument, ReportSectionId, ReportUppdragRow } from '@lagesbild/domain';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2020-08" → "augusti 2020". */
function monthWords(month: string): string {
  const [year, m] = month.split('-');
  const name = MONTHS[Number(m) - 1];
  return name === undefined ? month : `${name} ${year}`;
}

// The report is read in Sweden: its dates are Swedish local time, written as ISO dates.
const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

/** An ISO timestamp as "2020-09-10"; a plain date (YYYY-MM-DD) is kept as written. */
export function dateText(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** "2020-09-10 kl. 08.15". */
export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE.format(d)} kl. ${TIME.format(d)}`;
}

export const UPPDRAG_STATUS: Record<ReportUppdragRow['status'], string> = {
  'ej-paborjat': 'Ej påbörjat',
  pagar: 'Pågår',
  klart: 'Klart',
  avslutat: 'Avslutat',
};

export const ATGARD_STATUS: Record<ReportAtgardRow['status'], string> = {
  planerad: 'Planerad',
  pagar: 'Pågår',
  klar: 'Klar',
  avbruten: 'Avbruten',
};

/** What an empty section says instead of an empty table. */
export const EMPTY_SECTION: Record<ReportSectionId, string> = {
  sammantagen: 'Ingen sammantagen bedömning är skriven för perioden.',
  malbedomning: 'Inga mål att bedöma för perioden.',
  uppdrag: 'Inga uppdrag rapporterade för perioden.',
  volymmatt: 'Inga volymmått rapporterade för perioden.',
  ekonomi: 'Inga ekonomiska nyckeltal rapporterade för perioden.',
  personal: 'Inga personalnyckeltal rapporterade för perioden.',
  atgardsplan: 'Inga åtgärder planerade för perioden.',
  risker: 'Inga risker rapporterade för perioden.',
  bilaga: 'Inga indikatorer att redovisa för perioden.',
};

/** "Data t.o.m. augusti 2020", or that no month has data yet. */
export const dataThroughText = (doc: Pick<ReportDocument, 'dataThrough'>): string =>
  doc.dataThrough === null ? 'Inga månader med data ännu' : `Data t.o.m. ${monthWords(doc.dataThrough)}`;
