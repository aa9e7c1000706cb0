import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvParseRecords } from './csv-grid.js';
import { quotedRecords } from './csv-stream.js';
import type { ImportIssue } from '../common/errors.js';

/** Text cut into pieces at the given places, as textChunks would hand it over. */
const cut = (text: string, at: number[]): string[] => {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((p, i) => text.slice(i === 0 ? 0 : points[i - 1], p));
};

describe('quotedRecords', () => {
  it('gives the records, lines and errors of csv-parse over the whole text, however the text is cut and parsed a piece at a time', () => {
    const field = fc.oneof(fc.constantFrom('a', 'b c', '', '1,5', 'x\ny', 'say ""hi""', 'å\r\nä'), fc.string({ maxLength: 4 }));
    const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','));
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (records, at, pieceSize, broken) => {
          // A broken file too: an opening quote that is never closed.
          const text = records.join('\n') + (broken ? '\nz,"open' : '') + '\n';
          const normalised = text.replace(/\r\n?/g, '\n');
          const wholeIssues: ImportIssue[] = [];
          const whole = csvParseRecords('f.csv', normalised, ',', wholeIssues);
          const issues: ImportIssue[] = [];
          const streamed = [...quotedRecords('f.csv', cut(text, at), ',', issues, pieceSize)];
          expect(streamed).toEqual(whole);
          expect(issues.map((i) => i.row)).toEqual(wholeIssues.map((i) => i.row));
        },
      ),
      { numRuns: 300 },
    );
  });
});
