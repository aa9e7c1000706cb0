import { describe, expect, it } from 'vitest';
import { csvGrid } from '../read/csv-grid.js';
import { MappingIndex, type LabelMapping } from './mappings.js';
import { columnLetter, isSumHeader, parseMonthHeader, yearFromFileName } from './month-headers.js';
import { decodeUtf8 } from '../read/text.js';
import { looksWide, readWideTable } from './wide-layout.js';
import { resolveWideTable } from './wide-resolve.js';

const grid = (text: string, file = 'r.csv') => csvGrid(file, text).grid;
const mapping = (label: string, kpiId: string | null, over: Partial<LabelMapping> = {}): LabelMapping => ({
  section: '',
  parentLabel: '',
  label,
  kpiId,
  gender: 'T',
  ageBand: '',
  unitCode: null,
  ...over,
});

describe('month headers', () => {
  it('reads Swedish and English names, abbreviations and ISO months', () => {
    expect(parseMonthHeader('Januari')).toEqual({ month: 1, year: null });
    expect(parseMonthHeader(' december ')).toEqual({ month: 12, year: null });
    expect(parseMonthHeader('May')).toEqual({ month: 5, year: null });
    expect(parseMonthHeader('okt.')).toEqual({ month: 10, year: null });
    expect(parseMonthHeader('Mars 2022')).toEqual({ month: 3, year: 2022 });
    expect(parseMonthHeader('jan-22')).toEqual({ month: 1, year: 2022 });
    expect(parseMonthHeader('2022-01')).toEqual({ month: 1, year: 2022 });
    expect(parseMonthHeader('03/2021')).toEqual({ month: 3, year: 2021 });
    for (const h of ['', 'Avsnitt', '2022-13', 'Accumulerade uppgifter', 'Marsch']) expect(parseMonthHeader(h)).toBeNull();
  });
  it('knows sum columns, file-name years and column letters', () => {
    expect(isSumHeader('Accumulerade uppgifter')).toBe(true);
    expect(isSumHeader('Totalt')).toBe(true);
    expect(isSumHeader('Budget')).toBe(false);
    expect(yearFromFileName('statistik-forsorjningsstod-2022.csv')).toBe(2022);
    expect(yearFromFileName('rapport 2021 mars 2022.xlsx')).toBe(2022);
    expect(yearFromFileName('rapport.csv')).toBeNull();
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });
});

describe('wide layout', () => {
  it('finds sub-rows under their parent, headings as sections, and tolerates BOM, CRLF, commas and trailing blanks', () => {
    const text = decodeUtf8(
      'r.csv',
      new TextEncoder().encode(
        '\uFEFF,January,February,,\r\nHushåll,10,11,,\r\nMän,6,5,,\r\nKvinnor,4,6,,\r\nVarav 18-24 år,3,3,,\r\nMän,2,2,,\r\nKvinnor,1,1,,\r\nOrsak,,,,\r\nSjuk,1,2,,\r\n,,,,\r\n,,,,\r\n',
      ),
    ).text;
    const g = grid(text);
    expect(looksWide(g.rows)).toBe(true);
    const { table, issues } = readWideTable(g, 2021);
    expect(issues).toEqual([]);
    expect(table?.months.map((m) => [m.name, m.month])).toEqual([
      ['January', '2021-01'],
      ['February', '2021-02'],
    ]);
    expect(table?.rows.map((r) => [r.line, r.section, r.parent, r.label, r.kind])).toEqual([
      [2, '', '', 'Hushåll', 'main'],
      [3, '', 'Hushåll', 'Män', 'men'],
      [4, '', 'Hushåll', 'Kvinnor', 'women'],
      [5, '', 'Hushåll', 'Varav 18-24 år', 'age'],
      [6, '', 'Hushåll / Varav 18-24 år', 'Män', 'men'],
      [7, '', 'Hushåll / Varav 18-24 år', 'Kvinnor', 'women'],
      [9, 'Orsak', '', 'Sjuk', 'main'],
    ]);
  });

  it('reports layout problems at their cell', () => {
    const noYear = readWideTable(grid(';Januari;Februari\nA;1;2\n'), null);
    expect(noYear.issues[0]?.message).toContain('Året framgår inte av kolumnen "Januari" i fil r.csv, rad 1, kolumn Januari');
    const bad = readWideTable(grid(';Januari;Febuari;Januari;\nA;1;2;3;4\n;5;;;\n'), 2022);
    expect(bad.issues.map((i) => [i.row, i.column])).toEqual([
      [1, 'Febuari'],
      [1, 'Januari'],
      [2, 'E'],
      [3, 'A'],
    ]);
    expect(bad.issues[0]?.message).toContain('Okänd kolumnrubrik "Febuari" i fil r.csv, rad 1, kolumn Febuari. Menade du "Februari"?');
    expect(bad.issues[1]?.message).toContain('Månaden "Januari" i fil r.csv, rad 1, kolumn Januari finns redan i kolumn Januari');
    expect(bad.issues[2]?.message).toContain('Kolumnen E har värden men ingen rubrik');
    expect(bad.issues[3]?.message).toContain('Raden har värden men ingen rubrik i fil r.csv, rad 3, kolumn A');
    const conflict = readWideTable(grid(';2021-01;2021-02\nA;1;2\n'), 2022);
    expect(conflict.issues[0]?.message).toContain('Kolumnen "2021-01" i fil r.csv, rad 1, kolumn 2021-01 gäller 2021, men importen gäller 2022');
  });

  it('resolves through mappings: the total only checks kvinnor + män, unknown rows get the closest known label', () => {
    const { table } = readWideTable(grid(';Jan;Feb;Summa\nHushåll;10;11;21\nKvinnor;4;6;\nMän;6;6;\nAktualiseringar;3;?;3\nOkänd sak;1;;\n'), 2022);
    if (table === null) throw new Error('no table');
    const index = new MappingIndex([
      mapping('Hushåll', 'hh'),
      mapping('Kvinnor', 'hh', { parentLabel: 'Hushåll', gender: 'K' }),
      mapping('Män', 'hh', { parentLabel: 'Hushåll', gender: 'M' }),
      mapping('Aktualiseringar', 'akt', { unitCode: 'BU' }),
      mapping('Okända saker', null),
    ]);
    const { rows, issues } = resolveWideTable(table, index, { unitCode: 'E1', skipMissingMarks: false });
    expect(issues.map((i) => [i.severity, i.row, i.column])).toEqual([
      ['error', 5, 'Feb'],
      ['error', 6, 'A'],
      ['warning', 2, 'Feb'],
    ]);
    expect(issues[1]?.message).toContain('Okänd rad "Okänd sak" i fil r.csv, rad 6, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Okända saker"?');
    // The same facts as fields, for the page's "Koppla raden…" form; the suggestion is the whole known mapping.
    expect(issues[1]?.unknownRow).toEqual({
      section: '',
      parentLabel: '',
      label: 'Okänd sak',
      suggestion: { section: '', parentLabel: '', label: 'Okända saker', kpiId: null, gender: 'T', ageBand: '', unitCode: null },
    });
    // Other issues carry no such field, so old readers see the same objects as before.
    expect(issues[0] && 'unknownRow' in issues[0]).toBe(false);
    expect(issues[2]?.message).toContain('"Kvinnor" (rad 3) + "Män" (rad 4) är 12 för Feb, men totalen "Hushåll" i fil r.csv, rad 2, kolumn Feb är 11.');
    expect(rows.map((r) => [r.row, r.cells.kpi?.text, r.cells.unit?.text, r.cells.gender?.text, r.cells.period?.text, r.cells.value?.text])).toEqual([
      [3, 'hh', 'E1', 'K', '2022-01', '4'],
      [3, 'hh', 'E1', 'K', '2022-02', '6'],
      [4, 'hh', 'E1', 'M', '2022-01', '6'],
      [4, 'hh', 'E1', 'M', '2022-02', '6'],
      [5, 'akt', 'BU', 'T', '2022-01', '3'],
    ]);
  });

  it('checks the printed sum column and a half gender split', () => {
    const { table } = readWideTable(grid(';Jan;Feb;Summa\nHushåll;10;11;25\nKvinnor;4;6;\n'), 2022);
    if (table === null) throw new Error('no table');
    const index = new MappingIndex([mapping('Hushåll', 'hh'), mapping('Kvinnor', 'hh', { parentLabel: 'Hushåll', gender: 'K' })]);
    const { issues } = resolveWideTable(table, index, { unitCode: 'E1', skipMissingMarks: false });
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Summakolumnen för "Hushåll" i fil r.csv, rad 2, kolumn Summa är 25, men månaderna summerar till 21.'),
      expect.stringContaining('Raden "Hushåll" i fil r.csv, rad 2, kolumn A har en rad för kvinnor men ingen för män'),
    ]);
  });
});
