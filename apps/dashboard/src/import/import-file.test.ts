import { describe, expect, it } from 'vitest';
import { bytesToBase64, fileProblem, fileSizeText, firstFile, MAX_IMPORT_BYTES, readFileBase64 } from './import-file.js';

describe('reading a picked file for the import API', () => {
  it('gives the same base64 as Node for text, Swedish letters and every byte value', async () => {
    const text = ';Januari;Februari\nTotalt antal hushåll försörjningsstöd;820;823\n';
    await expect(readFileBase64(new Blob([text]))).resolves.toBe(Buffer.from(text, 'utf8').toString('base64'));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('handles a file larger than one chunk of String.fromCharCode', () => {
    const big = Uint8Array.from({ length: 200_003 }, (_, i) => (i * 7) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('takes CSV and XLSX only, and nothing over the importer’s limit', () => {
    expect(fileProblem({ name: 'statistik-2018.csv', size: 900 })).toBeNull();
    expect(fileProblem({ name: 'Rapport.XLSX', size: 900 })).toBeNull();
    expect(fileProblem({ name: 'rapport.pdf', size: 900 })).toBe('type');
    expect(fileProblem({ name: 'csv', size: 900 })).toBe('type');
    expect(fileProblem({ name: 'stor.csv', size: MAX_IMPORT_BYTES })).toBeNull();
    expect(fileProblem({ name: 'stor.csv', size: MAX_IMPORT_BYTES + 1 })).toBe('size');
  });

  it('picks the first file of a drop and says nothing was chosen otherwise', () => {
    const a = new File(['a'], 'a.csv');
    const b = new File(['b'], 'b.csv');
    expect(firstFile([a, b])).toBe(a);
    expect(firstFile([])).toBeNull();
    expect(firstFile(null)).toBeNull();
  });

  it('writes sizes the Swedish way', () => {
    expect(fileSizeText(900, 'sv')).toBe('900 B');
    expect(fileSizeText(1536, 'sv')).toBe('1,5 kB');
    expect(fileSizeText(1536, 'en')).toBe('1.5 kB');
    expect(fileSizeText(3 * 1024 * 1024, 'sv')).toBe('3 MB');
  });
});
