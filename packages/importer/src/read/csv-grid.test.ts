import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvParseRecords, readCsvRecords, splitUnquoted } from './csv-grid.js';
import type { ImportIssue } from '../common/errors.js';

describe('CSV records', () => {
  it('the quote-free fast path gives exactly what csv-parse gives, line numbers included', () => {
    const text = fc.string({ unit: fc.constantFrom(',', ';', '\n', ' ', 'a', '1', '-', 'å', '\t', '\uFEFF', '=') });
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, delimiter) => {
        const issues: ImportIssue[] = [];
        expect(splitUnquoted(t, delimiter)).toEqual(csvParseRecords('f.csv', t, delimiter, issues));
        expect(issues).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses csv-parse as soon as there is a quote', () => {
    const issues: ImportIssue[] = [];
    expect(readCsvRecords('f.csv', 'a,"b\nc",d\ne,f,g\n', ',', issues)).toEqual([
      { fields: ['a', 'b\nc', 'd'], line: 1 },
      { fields: ['e', 'f', 'g'], line: 3 },
    ]);
    expect(issues).toEqual([]);
  });
});
