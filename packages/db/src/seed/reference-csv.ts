import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A minimal RFC 4180 reader for the reference CSVs we ship (quoted fields, doubled quotes, commas inside). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const cache = new Map<string, Record<string, string>[]>();

/** Reads one of the shipped reference files (packages/db/src/seed/reference/NAME.csv). */
export function referenceRows(name: string): Record<string, string>[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const rows = parseCsv(readFileSync(resolve(import.meta.dirname, 'reference', `${name}.csv`), 'utf8'));
  cache.set(name, rows);
  return rows;
}

export interface ReportedFigure {
  value: number;
  source: string;
  line: number;
}

export function figure(r: Record<string, string>, valueField = 'value'): ReportedFigure | null {
  const raw = r[valueField] ?? '';
  if (raw.trim() === '') return null;
  return { value: Number(raw), source: r.source ?? '', line: Number(r.line) };
}
