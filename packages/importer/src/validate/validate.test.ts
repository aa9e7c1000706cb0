import { describe, expect, it } from 'vitest';
import { memoryCatalogue } from '../../test/fixture.js';
import { IssueList, MAX_ERRORS } from '../common/errors.js';
import { parseLongCsv } from '../parse/long-csv.js';
import { parseNumberCell, validateRows } from './validate.js';

const HEADER = 'kpi,unit,period,gender,value,denominator,age_band\n';

function check(body: string, file = 'x.csv') {
  const parsed = parseLongCsv(file, new TextEncoder().encode(HEADER + body));
  expect(parsed.issues).toEqual([]);
  const issues = new IssueList();
  const cells = validateRows(parsed.rows, memoryCatalogue(), issues);
  return { cells, errors: issues.finalErrors(file), messages: issues.finalErrors(file).map((i) => i.message) };
}

/** Where each error is, as row:column, in order. */
const placesOf = (errors: readonly { row: number; column: string | null }[]) => errors.map((e) => `${e.row}:${e.column}`);

describe('number cells', () => {
  it('reads plain and Swedish numbers', () => {
    expect(parseNumberCell('3 634 873,98')).toBe(3634873.98);
    expect(parseNumberCell('6,8')).toBe(6.8);
    expect(parseNumberCell('1234.5')).toBe(1234.5);
    expect(parseNumberCell('-12')).toBe(-12);
    expect(parseNumberCell('\u221212')).toBe(-12);
  });
  it('never treats formula-like cells as numbers', () => {
    for (const s of ['=1+1', '+5', '@SUM(A1)', '-=1', '-A1', '?', '3,4,5', '1e5', 'NaN', 'Infinity', '']) expect(parseNumberCell(s)).toBeNull();
  });
});

describe('validation against the catalogue', () => {
  it('accepts good rows and types them', () => {
    const { cells, errors } = check('hushall-utbetalt,E1,2021-01,k,12,,\nsjukfranvaro,E2,2021-01,M,"6,8",100,–29\nutbetalt-kr,E1,2021-01,T,"3 634 873,98",,\n');
    expect(errors).toEqual([]);
    expect(cells.map((c) => [c.kpi, c.unit, c.unitId, c.month, c.gender, c.ageBand, c.numerator, c.denominator, c.row])).toEqual([
      ['hushall-utbetalt', 'E1', 3, '2021-01', 'K', '', 12, null, 2],
      ['sjukfranvaro', 'E2', 4, '2021-01', 'M', '-29', 6.8, 100, 3],
      ['utbetalt-kr', 'E1', 3, '2021-01', 'T', '', 3634873.98, null, 4],
    ]);
  });

  it('suggests the nearest KPI id', () => {
    const { errors } = check('x,E1,2021-01,T,1,,\nhushall-utbetal,E1,2021-01,T,1,,\n');
    expect(errors[1]).toMatchObject({ row: 3, column: 'kpi', found: 'hushall-utbetal', expected: 'hushall-utbetalt' });
    expect(errors[1]?.message).toBe('Okänd KPI "hushall-utbetal" i fil x.csv, rad 3, kolumn kpi. Menade du "hushall-utbetalt"?');
    expect(errors[0]?.message).toContain('Se listan med "pnpm lagesbild kpis"');
  });

  it('refuses a ratio KPI and says what to import instead', () => {
    const { messages } = check('kr-per-hushall,E1,2021-01,T,1,,\n');
    expect(messages[0]).toContain('KPI "kr-per-hushall" i fil x.csv, rad 2, kolumn kpi är en kvot');
    expect(messages[0]).toContain('Importera "utbetalt-kr" och "hushall-utbetalt" i stället.');
  });

  it('checks units: unknown, not a leaf, not existing in the month', () => {
    const { errors } = check('utbetalt-kr,E3,2021-01,T,1,,\nutbetalt-kr,AVD,2021-01,T,1,,\nutbetalt-kr,E2,2023-02,T,1,,\n');
    expect(placesOf(errors)).toEqual(['2:unit', '3:unit', '4:unit']);
    expect(errors[0]?.message).toContain('Okänd enhet "E3" i fil x.csv, rad 2, kolumn unit. Menade du "E1"?');
    expect(errors[1]?.message).toContain('Enheten "AVD" har underenheter 2021-01');
    expect(errors[1]?.message).toContain('dela upp raden på E1, E2');
    expect(errors[2]?.message).toContain('Enheten "E2" fanns inte 2023-02');
  });

  it('checks periods: format and the KPI validity', () => {
    const { errors } = check('utbetalt-kr,E1,2021-13,T,1,,\nutbetalt-kr,E1,2021-1,T,1,,\ngammal-kpi,E1,2021-01,T,1,,\nutbetalt-kr,E1,2017-12,T,1,,\n');
    expect(errors.map((e) => [e.row, e.column, e.found])).toEqual([
      [2, 'period', '2021-13'],
      [3, 'period', '2021-1'],
      [4, 'period', '2021-01'],
      [5, 'period', '2017-12'],
      [5, 'unit', 'E1 2017-12'],
    ]);
    expect(errors[0]?.message).toBe('Ogiltig period "2021-13" i fil x.csv, rad 2, kolumn period. Skriv månaden som ÅÅÅÅ-MM, till exempel 2022-03.');
    expect(errors[2]?.message).toContain('utanför tiden då KPI "gammal-kpi" finns (2018-01–2019-12)');
  });

  it('checks gender and the KPI gender split', () => {
    const { errors } = check('hushall-utbetalt,E1,2021-01,X,1,,\nutbetalt-kr,E1,2021-01,K,1,,\nhushall-utbetalt,E1,2021-01,T,1,,\n');
    expect(placesOf(errors)).toEqual(['2:gender', '3:gender']);
    expect(errors[0]?.message).toContain('Ogiltigt kön "X" i fil x.csv, rad 2, kolumn gender');
    expect(errors[1]?.message).toContain('KPI "utbetalt-kr" är inte könsuppdelad, men i fil x.csv, rad 3, kolumn gender står "K". Använd T (totalt).');
  });

  it('checks values and denominators', () => {
    const { errors } = check(
      [
        'utbetalt-kr,E1,2021-01,T,?,,',
        'utbetalt-kr,E1,2021-02,T,"3,4,5",,',
        'utbetalt-kr,E1,2021-03,T,=1+1,,',
        'utbetalt-kr,E1,2021-04,T,-5,,',
        'sjukfranvaro,E1,2021-01,K,5,0,',
        'sjukfranvaro,E1,2021-02,K,5,-1,',
        'sjukfranvaro,E1,2021-03,K,5,abc,',
        'utbetalt-kr,E1,2021-05,T,,,',
      ].join('\n'),
    );
    expect(placesOf(errors)).toEqual(['2:value', '3:value', '4:value', '5:value', '6:denominator', '7:denominator', '8:denominator', '9:value']);
    expect(errors[0]?.message).toContain('Värdet "?" i fil x.csv, rad 2, kolumn value är inte ett tal. "?" betyder i rapporterna att uppgift saknas');
    expect(errors[1]?.message).toContain('Värdet "3,4,5" i fil x.csv, rad 3, kolumn value är inte ett tal.');
    expect(errors[2]?.message).toContain('tolkas aldrig som formler');
    expect(errors[3]?.message).toContain('Negativt värde "-5"');
    expect(errors[4]?.message).toContain('är noll');
    expect(errors[7]?.message).toBe('Värde saknas i fil x.csv, rad 9, kolumn value. Fyll i värdet.');
  });

  it('refuses a negative share: a share is 0–100 %', () => {
    expect(check('sjukfranvaro,E1,2021-01,K,-1,10,\n').messages[0]).toContain('Negativt värde "-1" i fil x.csv, rad 2, kolumn value');
  });

  it('checks age bands', () => {
    const { messages } = check('sjukfranvaro,E1,2021-01,K,5,10,30-50\nutbetalt-kr,E1,2021-01,T,5,,-29\n');
    expect(messages[0]).toContain('Okänd åldersgrupp "30-50" för KPI "sjukfranvaro" i fil x.csv, rad 2, kolumn age_band. Använd någon av -29, 30-49, 50-');
    expect(messages[1]).toContain('KPI "utbetalt-kr" redovisas inte per åldersgrupp');
  });

  it('names both rows of a duplicate cell', () => {
    const { errors, cells } = check('hushall-utbetalt,E1,2021-01,K,1,,\nhushall-utbetalt,E1,2021-01,M,1,,\nhushall-utbetalt,E1,2021-01,k,2,,\n');
    expect(cells).toHaveLength(2);
    expect(errors[0]?.row).toBe(4);
    expect(errors[0]?.message).toContain('förekommer två gånger i fil x.csv: rad 2 och rad 4');
  });

  it(`stops listing after ${MAX_ERRORS} errors and says how many more there were`, () => {
    const body = Array.from({ length: 250 }, (_, i) => `nope,E1,2021-01,T,${i},,`).join('\n');
    const { errors } = check(body);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS]?.message).toContain('Ytterligare 50 fel i fil x.csv visas inte');
  });
});
