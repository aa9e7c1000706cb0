import { figureText, type ReportAnnexRow, type ReportDocument } from '@lagesbild/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { assessmentCell } from './symbols.js';
import { muted, num, table } from './table.js';
import { ATGARD_STATUS, dateText, EMPTY_SECTION, UPPDRAG_STATUS } from './words.js';

const none = (text: string): Content[] => [{ text, italics: true }];

export function uppdragSection(doc: ReportDocument): Content[] {
  if (doc.uppdrag.length === 0) return none(EMPTY_SECTION.uppdrag);
  const rows = doc.uppdrag.map((u): TableCell[] => [
    { text: u.title },
    { text: UPPDRAG_STATUS[u.status] },
    u.comments.length === 0
      ? muted('Ingen kommentar')
      : { stack: u.comments.map((c) => ({ text: [{ text: `${dateText(c.date)}: `, bold: true }, c.body], margin: [0, 0, 0, 2] })) },
  ]);
  return [table(['Uppdrag', 'Status', 'Kommentarer'], [170, 60, '*'], rows)];
}

export function atgarderSection(doc: ReportDocument): Content[] {
  if (doc.atgarder.length === 0) return none(EMPTY_SECTION.atgardsplan);
  const rows = doc.atgarder.map((a): TableCell[] => [
    { stack: [{ text: a.avvikelse }, muted(`Gäller: ${a.about}`)] },
    { text: a.title },
    { text: a.expectedEffect },
    { text: a.owner },
    { text: a.dueDate === null ? '–' : dateText(a.dueDate) },
    { text: ATGARD_STATUS[a.status] },
  ]);
  return [table(['Avvikelse', 'Åtgärd', 'Förväntad effekt', 'Ansvarig', 'Klart senast', 'Status'], ['*', '*', '*', 62, 58, 50], rows)];
}

export function riskerSection(doc: ReportDocument): Content[] {
  if (doc.risker.length === 0) return none(EMPTY_SECTION.risker);
  const rows = doc.risker.map((r): TableCell[] => [{ text: r.risk, bold: true }, { text: r.orsak }, { text: r.konsekvenser }, { text: r.hantering }]);
  return [table(['Risk', 'Orsak', 'Konsekvenser', 'Hantering'], ['*', '*', '*', '*'], rows)];
}

/** "Källa: Kolada (RKA) 2020": the comparison always says where it came from. */
const sourceText = (r: NonNullable<ReportAnnexRow['riket']>): string => `Källa: ${r.source}${r.year === null ? '' : ` ${r.year}`}`;

function annexRow(r: ReportAnnexRow): TableCell[] {
  const fig = (f: ReportAnnexRow['total']) => num(figureText(f, r.unit, r.decimals));
  const riket: TableCell =
    r.riket === null ? num('–') : { stack: [num(figureText({ value: r.riket.value, hidden: null }, r.unit, r.decimals)), { ...muted(sourceText(r.riket)), alignment: 'right' }] };
  return [{ text: r.name }, fig(r.total), fig(r.women), fig(r.men), riket, assessmentCell(r.status)];
}

/** The indicator annex, grouped under each goal as the reports print it. */
export function bilagaSection(doc: ReportDocument): Content[] {
  if (doc.bilaga.length === 0) return none(EMPTY_SECTION.bilaga);
  const out: Content[] = [];
  const seen = new Set<number>();
  for (const row of doc.bilaga) {
    if (seen.has(row.goalId)) continue;
    seen.add(row.goalId);
    const rows = doc.bilaga.filter((r) => r.goalId === row.goalId);
    const heading: Content = { text: row.goalTitle, style: 'h3', headlineLevel: 2 };
    const body = table(['Indikator', 'Totalt', 'Kvinnor', 'Män', 'Riket', 'Bedömning'], ['*', 50, 50, 50, 110, 82], rows.map(annexRow), [1, 2, 3, 4], true);
    // A goal's few indicators stay on one page under its title; a long list may run over.
    if (rows.length <= 12) out.push({ stack: [heading, body], unbreakable: true });
    else out.push(heading, body);
  }
  out.push(muted('Ett värde skrivet med ord (till exempel ”färre än 5 personer” eller ”..”) är dolt för att ingen enskild ska kunna pekas ut.'));
  return out;
}
