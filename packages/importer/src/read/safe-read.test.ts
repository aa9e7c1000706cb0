import { describe, expect, it } from 'vitest';
import { guardRead } from './safe-read.js';
import type { SourceRow } from '../parse/source-row.js';

const row = (n: number): SourceRow => ({ file: 'f.xlsx', row: n, cells: {} });

describe('guardRead', () => {
  it('turns a reader that throws into one Swedish error, the library text only in found', async () => {
    const out = await guardRead('f.xlsx', () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'richText')")));
    expect(out.rows).toEqual([]);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ severity: 'error', file: 'f.xlsx', row: 1, found: "Cannot read properties of undefined (reading 'richText')" });
    expect(out.issues[0]?.message).toMatch(/^Filen f\.xlsx kunde inte läsas \(i fil f\.xlsx, rad 1\): .*spara den på nytt/);
    expect(out.issues[0]?.message).not.toContain('Cannot read');
  });

  it('ends rows that throw while being read with one error, after the rows read before it', async () => {
    function* rows(): Generator<SourceRow> {
      yield row(2);
      throw new RangeError('Invalid array length');
    }
    const out = await guardRead('f.xlsx', () => Promise.resolve({ format: 'long-csv', rows: rows(), issues: [] }));
    expect([...out.rows].map((r) => r.row)).toEqual([2]);
    expect(out.issues.map((i) => i.found)).toEqual(['Invalid array length']);
  });
});
