import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftTextRows, REPORT_SECTION_META, REPORT_SECTIONS } from '@lagesbild/domain';
import { driftDelar2020 } from '@lagesbild/domain/testing';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from '../src/index.js';
import { delarsrapport2020 } from './report-fixture.js';

/** The Word document's parts as XML, and its body's text one paragraph a line (what Word would show). */
function readDocx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const part = (name: string): string => {
    const f = files[name];
    if (f === undefined) throw new Error(`the .docx has no ${name}`);
    return strFromU8(f);
  };
  const xml = part('word/document.xml');
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  const footers = Object.keys(files)
    .filter((n) => /^word\/footer\d*\.xml$/.test(n))
    .map(part)
    .join('');
  return { xml, text, footers };
}

describe('renderReportDocx', () => {
  it('writes the same sections as Word tables, with the dashboard’s figures and the page numbers as fields', async () => {
    const doc = delarsrapport2020();
    const bytes = await renderReportDocx(doc, { faststalld: { version: 2, by: 'Anna Andersson', at: '2020-10-15T12:00:00Z' } });
    const dir = join(import.meta.dirname, '..', 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'delarsrapport-2020.docx'), bytes);

    const { xml, text, footers } = readDocx(bytes);
    const lines = text.split('\n').map((l) => l.trim());
    let from = 0;
    for (const heading of REPORT_SECTIONS.map((id) => REPORT_SECTION_META[id].sv)) {
      const at = lines.indexOf(heading, from);
      expect(at, heading).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(text).toContain('Delårsrapport 2020');
    expect(text).toContain('Fastställd 2020-10-15 av Anna Andersson');
    expect(text).toContain('Data t.o.m. augusti 2020');
    for (const g of doc.goals) expect(text).toContain(g.title);
    for (const figure of ['3 634 874 kr', '6,8 %', 'färre än 5 personer', 'Källa: Kolada (RKA) 2020', '● uppfyllt', '◆ delvis uppfyllt', '■ ej uppfyllt']) {
      expect(text).toContain(figure);
    }
    // Header rows repeat on every page (w:tblHeader), one table per section with rows, plus the tally and each annex goal.
    expect(xml.match(/<w:tblHeader\/>/g)?.length ?? 0).toBe(10);
    expect(footers).toMatch(/Sida .*PAGE.* av .*NUMPAGES/s);
  });

  it('prints the driftsredovisning in the Ekonomi section: each unit row with its four tkr figures, the Summa, the printed headers', async () => {
    const drift = driftDelar2020();
    const { text } = readDocx(await renderReportDocx({ ...delarsrapport2020(), driftsredovisning: drift }));
    const lines = text.split('\n').map((l) => l.trim());
    const at = lines.indexOf('Driftsredovisning, nettoresultat (tkr)');
    expect(at).toBeGreaterThan(lines.indexOf('Ekonomi'));
    expect(lines.slice(at + 1, at + 6)).toEqual(['Enhet (tkr)', 'Utfall per 31/8 2020', 'Budget per 31/8 2020', 'Avvikelse per 31/8 2020', 'Prognos avvikelse per 31/12 2020']);
    expect(lines.slice(at + 6, at + 6 + 5 * 4)).toEqual(driftTextRows(drift).flatMap((r) => [r.name, ...r.cells]));
    expect(lines.slice(at + 6, at + 11)).toEqual(['Socialnämnd', '-861', '-934', '73', '100']);
    expect(lines.slice(at + 21, at + 26)).toEqual(['Summa', '-49 487', '-41 060', '-8 427', '-7 400']);
  });
});
