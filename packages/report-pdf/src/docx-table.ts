import { ASSESSMENT_META, type Assessment } from '@lagesbild/domain';
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ASSESSMENT_COLOUR } from './symbols.js';

const MUTED = '4B5664';
const HEAD_FILL = 'E9EDF2';
// Word sizes are half-points: 9 pt in tables, 8 pt for notes.
const TD = 18;
const NOTE = 16;

export interface Line {
  text: string;
  bold?: boolean;
  muted?: boolean;
  italics?: boolean;
}

/** A paragraph of runs in the table's size. */
export const para = (line: Line | string, right = false): Paragraph => {
  const l = typeof line === 'string' ? { text: line } : line;
  return new Paragraph({
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text: l.text, bold: l.bold, italics: l.italics, color: l.muted ? MUTED : undefined, size: l.muted ? NOTE : TD })],
  });
};

/** The symbol in its colour, then the words: Word's fonts have ● ◆ ■, and the words carry it in black and white. */
export const assessmentPara = (a: Assessment): Paragraph =>
  new Paragraph({
    children: [new TextRun({ text: `${ASSESSMENT_META[a].symbol} `, color: ASSESSMENT_COLOUR[a].slice(1), size: TD }), new TextRun({ text: ASSESSMENT_META[a].sv, size: TD })],
  });

export type Cell = Paragraph | Paragraph[] | { children: Paragraph[]; span: number; fill?: string };

function cell(c: Cell): TableCell {
  if (c instanceof Paragraph) return new TableCell({ children: [c] });
  if (Array.isArray(c)) return new TableCell({ children: c });
  return new TableCell({ children: c.children, columnSpan: c.span, shading: c.fill ? { type: ShadingType.CLEAR, fill: c.fill, color: 'auto' } : undefined });
}

/** A Word table over the page's width whose header row repeats on every page; `whole` keeps each row on one page. */
export function docxTable(headers: string[], widths: number[], rows: Cell[][], right: number[] = [], whole = false): Table {
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map(
      (h, i) =>
        new TableCell({
          children: [new Paragraph({ alignment: right.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: h, bold: true, size: TD })] })],
          shading: { type: ShadingType.CLEAR, fill: HEAD_FILL, color: 'auto' },
        }),
    ),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [head, ...rows.map((r) => new TableRow({ cantSplit: whole, children: r.map(cell) }))],
  });
}
