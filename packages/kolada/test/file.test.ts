import { describe, expect, it } from 'vitest';
import { koladaRows, parseKoladaFile, KoladaFileError } from '../src/index.js';
import { kpiMeta, page1, page2 } from './recorded.js';

const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof KoladaFileError) return err.message;
    throw err;
  }
  throw new Error('expected the file to be refused');
};

describe('a Kolada file (offline import)', () => {
  it('accepts one data page, a list of pages, and a bundle with metadata', () => {
    expect(parseKoladaFile(JSON.stringify(page2), 'a.json').values).toHaveLength(1);
    expect(parseKoladaFile(JSON.stringify([page1(null), page2]), 'b.json').values).toHaveLength(3);
    const b = parseKoladaFile(JSON.stringify({ data: [page1(null), page2], kpi: kpiMeta }), 'c.json');
    expect([b.values.length, b.kpis.map((k) => k.id)]).toEqual([3, ['N31807']]);
  });

  it('says which file and which place in it is wrong', () => {
    expect(refused(() => parseKoladaFile('{"count": 1, "values": [', 'kolada.json'))).toMatch(/^kolada\.json: är inte JSON/);
    const bad = { count: 1, values: [{ kpi: 'N31807', municipality: '0483', period: 'tjugo', values: [] }] };
    expect(refused(() => parseKoladaFile(JSON.stringify(bad), 'k.json'))).toMatch(/^k\.json: values\[0\]\.period: .*Koladas JSON/);
    const gender = { count: 1, values: [{ kpi: 'N31807', municipality: '0483', period: 2020, values: [{ gender: 'X', value: 1 }] }] };
    expect(refused(() => parseKoladaFile(JSON.stringify(gender), 'k.json'))).toMatch(/values\[0\]\.values\[0\]\.gender/);
  });

  it('flattens to one row per kpi, municipality, year and gender, keeping Kolada’s status', () => {
    const rows = koladaRows(parseKoladaFile(JSON.stringify([page1(null), page2]), 'k.json').values);
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.year === 2019)).toEqual({ kpi: 'N31807', municipality: '0483', year: 2019, gender: 'T', value: null, count: 1, status: 'Saknas' });
    // The same figure twice (two overlapping pages) is one row.
    expect(koladaRows(parseKoladaFile(JSON.stringify([page2, page2]), 'k.json').values)).toHaveLength(1);
  });

  it('refuses the same key twice with different figures instead of picking one', () => {
    const other = { ...page2.values[0], values: [{ count: 1, gender: 'T', status: '', value: 70 }] };
    const values = parseKoladaFile(JSON.stringify({ count: 2, values: [...page2.values, other] }), 'k.json').values;
    expect(refused(() => koladaRows(values))).toMatch(/N31807 för kommun 0483 år 2019 \(T\) står två gånger med olika värden/);
  });
});
