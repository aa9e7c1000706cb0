import { ASSESSMENTS, goalTally, type ReportDocument, type ReportGoalRow } from '@lagesbild/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { assessmentCell } from './symbols.js';
import { muted, num, table } from './table.js';
import { dateText, EMPTY_SECTION } from './words.js';

/** The sammantagen bedömning: the förvaltning's text, then how many goals have each status and prognos. */
export function summarySection(doc: ReportDocument): Content[] {
  const text = doc.summary.trim();
  const paragraphs: Content[] = text ? text.split(/\n\s*\n/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6] })) : [{ text: EMPTY_SECTION.sammantagen, italics: true }];
  const tally = goalTally(doc);
  const goals = doc.goals.filter((g) => g.kind !== 'area').length;
  if (goals === 0) return paragraphs;
  const rows: TableCell[][] = ASSESSMENTS.map((a) => [assessmentCell(a), num(String(tally.status[a])), num(String(tally.prognos[a]))]);
  return [
    ...paragraphs,
    { text: `Målen (${goals}) efter bedömning`, style: 'h3', headlineLevel: 2 },
    table(['Bedömning', 'Status nu', 'Prognos helår'], [160, 70, 70], rows, [1, 2]),
  ];
}

function decision(g: ReportGoalRow): string {
  if (g.decidedBy === null) return 'Förslag, ej beslutad';
  return g.decidedAt ? `Beslutad av ${g.decidedBy} ${dateText(g.decidedAt)}` : `Beslutad av ${g.decidedBy}`;
}

function goalRow(g: ReportGoalRow): TableCell[] {
  const indent = Math.max(0, g.depth) * 10;
  if (g.kind === 'area') {
    return [{ text: g.title, bold: true, colSpan: 4, fillColor: '#f2f4f7', margin: [indent, 0, 0, 0] }, '', '', ''];
  }
  const title: Content[] = [{ text: g.title, bold: g.depth <= 1 }];
  if (g.committees.length > 0) title.push(muted(g.committees.join(', ')));
  const comment: Content[] = [];
  if (g.comment.trim()) comment.push({ text: g.comment.trim() });
  if (g.proposal) comment.push(muted(`Förslag enligt indikatorerna: ${g.proposal}`));
  comment.push(muted(decision(g)));
  return [{ stack: title, margin: [indent, 0, 0, 0] }, assessmentCell(g.status), assessmentCell(g.prognos), { stack: comment }];
}

/** Målbedömning med prognos: areas as bands, goals and sub-goals indented under them. */
export function goalsSection(doc: ReportDocument): Content[] {
  if (doc.goals.length === 0) return [{ text: EMPTY_SECTION.malbedomning, italics: true }];
  return [table(['Mål', 'Status', 'Prognos helår', 'Kommentar'], [150, 78, 78, '*'], doc.goals.map(goalRow))];
}
