import type { ContentTable, ContentText, CustomTableLayout, Size, TableCell } from 'pdfmake/interfaces';

const RULE = '#d6dce4';
export const MUTED = '#4b5664';
const HEAD_FILL = '#e9edf2';

/** Thin horizontal rules, a filled header row; the report's one table look. */
const LAYOUT: CustomTableLayout = {
  hLineWidth: (i) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  fillColor: (row) => (row === 0 ? HEAD_FILL : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A table whose header row repeats on every page it runs over; `whole` keeps each row on one page (figures, not prose). */
export function table(headers: string[], widths: Size[], rows: TableCell[][], right: number[] = [], whole = false): ContentTable {
  const head: TableCell[] = headers.map((h, i) => ({ text: h, style: 'th', alignment: right.includes(i) ? 'right' : 'left' }));
  return { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: whole, widths, body: [head, ...rows] }, layout: LAYOUT, style: 'td', margin: [0, 4, 0, 10] };
}

/** A figure cell: right-aligned, on one line where it fits. */
export const num = (text: string): ContentText => ({ text, alignment: 'right' });

export const muted = (text: string): ContentText => ({ text, color: MUTED, fontSize: 8 });
