import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseLongCsv } from './long-csv.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (s: string) => parseLongCsv('t.csv', enc(s));
const texts = (s: string) => parse(s).rows.map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v?.text])));

describe('long CSV parser', () => {
  it('reads the English header with comma, keeping file, row and column of every cell', () => {
    const out = parse('kpi,unit,period,gender,value,denominator\nhushall-utbetalt,E1,2021-01,K,12,\nsjukfranvaro,E1,2021-01,M,"6,8",100\n');
    expect(out.issues).toEqual([]);
    expect(out.format).toBe('long-csv');
    expect(out.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(out.rows[1]?.cells.value).toEqual({ text: '6,8', column: 'value' });
    expect(texts('kpi,unit,period,gender,value\na,b,2021-01,T,1')).toEqual([{ kpi: 'a', unit: 'b', period: '2021-01', gender: 'T', value: '1' }]);
  });

  it('reads Swedish headers, semicolons, a BOM, CRLF, trailing empty lines and columns', () => {
    const out = parse('\uFEFFNyckeltal;Enhet;Månad;Kön;Värde;Nämnare;;\r\nutbetalt-kr;E1;2021-02;T;3 634 873,98;;;\r\n;;;;;;;\r\n\r\n');
    expect(out.issues).toEqual([]);
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]?.cells.kpi).toEqual({ text: 'utbetalt-kr', column: 'Nyckeltal' });
    expect(out.rows[0]?.cells.value?.text).toBe('3 634 873,98');
    expect(out.rows[0]?.cells.denominator?.text).toBe('');
  });

  it('accepts täljare and åldersgrupp, also in decomposed Unicode (macOS)', () => {
    const out = parse('kpi,unit,period,gender,täljare,nämnare,åldersgrupp\nx,E1,2021-01,K,1,2,-29\n'.normalize('NFD'));
    expect(out.issues).toEqual([]);
    expect(out.rows[0]?.cells.ageBand?.text).toBe('-29');
  });

  it('gives the starting line of a record whose quoted field spans lines', () => {
    const out = parse('kpi,unit,period,gender,value\n"a\nb",E1,2021-01,T,1\nc,E1,2021-01,T,2\n');
    expect(out.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('detects the separator from the header', () => {
    expect(detectDelimiter('kpi;unit;period;gender;value\n')).toBe(';');
    expect(detectDelimiter('\nkpi,unit,period,gender,value\n')).toBe(',');
  });

  it('says a row with the wrong number of fields, and why decimal commas need quotes', () => {
    const out = parse('kpi,unit,period,gender,value\nx,E1,2021-01,T,6,8\nx,E1,2021-01\n');
    expect(out.rows).toEqual([]);
    expect(out.issues.map((i) => [i.row, i.found, i.expected])).toEqual([
      [2, '6 fält', '5 fält'],
      [3, '3 fält', '5 fält'],
    ]);
    expect(out.issues[0]?.message).toContain('Fel antal fält i fil t.csv, rad 2');
    expect(out.issues[0]?.message).toContain('"6,8"');
  });

  it('names unknown and missing header columns with a suggestion', () => {
    const out = parse('kpi,unti,period,gender,value,färg\nx,E1,2021-01,T,1,röd\n');
    const messages = out.issues.map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining('Okänd kolumn "unti" i rubrikraden i fil t.csv, rad 1, kolumn unti. Menade du "unit"?'));
    expect(messages).toContainEqual(expect.stringContaining('Okänd kolumn "färg"'));
    expect(messages).toContainEqual(expect.stringContaining('Kolumnen "unit" (eller "enhet") saknas i rubrikraden'));
    expect(out.rows).toEqual([]);
  });

  it('rejects a column given twice', () => {
    const out = parse('kpi,unit,period,gender,value,värde\nx,E1,2021-01,T,1,2\n');
    expect(out.issues[0]?.message).toContain('Kolumnen "värde" i fil t.csv, rad 1, kolumn värde betyder samma sak som "value"');
  });

  it('says "Filen innehåller inga datarader" for an empty file and a header without rows', () => {
    for (const s of ['', '\n\n', 'kpi,unit,period,gender,value\n', 'kpi,unit,period,gender,value\n,,\n , ,,,\n']) {
      const out = parse(s);
      expect(out.issues).toHaveLength(1);
      expect(out.issues[0]?.message).toMatch(/^Filen innehåller inga datarader/);
    }
  });

  it('reports an unclosed quote as a CSV error on its line', () => {
    const out = parse('kpi,unit,period,gender,value\nx,E1,2021-01,T,1\nx,"E2,2021-01,T,1\n');
    expect(out.issues.map((i) => i.row)).toEqual([3]);
    expect(out.issues[0]?.message).toContain('går inte att läsa som CSV i fil t.csv, rad 3');
  });

  it('recognises XLSX and binary files, and reads Windows-1252', () => {
    expect(parseLongCsv('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])).issues[0]?.message).toContain('Excel-arbetsbok');
    expect(parseLongCsv('a.csv', new Uint8Array([0x6b, 0x0a, 0x00, 0xff])).issues[0]?.message).toContain('binärfil');
    const latin1 = new Uint8Array([...enc('kpi,unit,period,gender,value\nx,'), 0xc5, ...enc('sa,2021-01,T,1\n')]);
    expect(parseLongCsv('a.csv', latin1).rows[0]?.cells.unit?.text).toBe('Åsa');
    const neither = new Uint8Array([...enc('kpi,unit,period,gender,value\nx,'), 0xe5, 0x81, ...enc('sa,2021-01,T,1\n')]);
    const i = parseLongCsv('a.csv', neither).issues[0];
    expect(i?.row).toBe(2);
    expect(i?.message).toContain('är varken UTF-8 eller Windows-1252');
  });

  it('never throws on arbitrary input; it returns issues instead', () => {
    const header = fc.constantFrom('', 'kpi,unit,period,gender,value\n', 'kpi;unit;period;gender;value;denominator\r\n', '\uFEFFnyckeltal,enhet,månad,kön,värde\n');
    const csvish = fc.string({ unit: fc.constantFrom(',', ';', '"', '\n', '\r', ' ', 'a', '1', '-', '=', '\uFEFF', 'å', '\u0000') });
    fc.assert(
      fc.property(header, csvish, (h, body) => {
        const out = parseLongCsv('p.csv', enc(h + body));
        expect(Array.isArray(out.issues)).toBe(true);
        for (const r of out.rows) expect(r.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const out = parseLongCsv('p.csv', bytes);
        expect(out.issues.length + out.rows.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
