import { REPORT_SECTION_META, REPORT_SECTIONS, type ReportGoalRow } from '@lagesbild/domain';
import { driftDelar2020, emptyReport } from '@lagesbild/domain/testing';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../src/index.js';
import { ASSESSMENT_COLOUR } from '../src/symbols.js';
import { join } from 'node:path';
import { inspectPdf, pixelsNear } from '../src/testing/poppler.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');
import { delarsrapport2020 } from './report-fixture.js';

const faststalld = { version: 2, by: 'Anna Andersson', at: '2020-10-15T12:00:00Z' };

/** Where each text first occurs after the previous one; -1 when it is missing or out of order. */
function positionsInOrder(text: string, parts: string[]): number[] {
  let from = 0;
  return parts.map((p) => {
    const at = text.indexOf(p, from);
    if (at >= 0) from = at + p.length;
    return at;
  });
}

describe('renderReportPdf', () => {
  it('prints the delårsrapport in Swedish: title page, sections in order, figures as the dashboard writes them', async () => {
    const doc = delarsrapport2020();
    const pdf = inspectPdf(ARTIFACTS, 'delarsrapport-2020', await renderReportPdf(doc, { faststalld }));

    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.layout).toContain(`Sida 1 av ${pdf.pages}`);
    expect(pdf.layout).toContain(`Sida ${pdf.pages} av ${pdf.pages}`);

    const title = pdf.pageText(1);
    for (const line of [
      'Delårsrapport 2020',
      'Exempelby kommun',
      'Socialförvaltningen',
      'Data t.o.m. augusti 2020',
      'Skapad 2020-09-10',
      'Fastställd 2020-10-15 av Anna Andersson',
    ]) {
      expect(title).toContain(line);
    }
    // The report's title heads every page.
    expect(pdf.pageText(pdf.pages)).toMatch(/^\s*Delårsrapport 2020/);

    const headings = REPORT_SECTIONS.map((id) => REPORT_SECTION_META[id].sv);
    expect(positionsInOrder(pdf.layout, headings)).not.toContain(-1);

    for (const g of doc.goals) expect(pdf.flat).toContain(g.title);
    for (const figure of ['3 634 874 kr', '6,8 %', '1 250 dygn', '42,5 %', 'Källa: Kolada (RKA) 2020']) expect(pdf.layout).toContain(figure);
    // Hidden figures print the domain's words, never a number.
    expect(pdf.flat).toContain('färre än 5 personer');
    expect(pdf.flat).toContain(' .. ');
    for (const words of ['uppfyllt', 'delvis uppfyllt', 'ej uppfyllt', 'ej bedömd']) expect(pdf.layout).toContain(words);
  });

  it('draws the assessment symbols as coloured shapes on the målbedömning page and in the annex', async () => {
    const pdf = inspectPdf(ARTIFACTS, 'malbedomning-symbols', await renderReportPdf(delarsrapport2020()));
    const pageWith = (heading: string) => Array.from({ length: pdf.pages }, (_, i) => i + 1).find((p) => pdf.pageText(p).includes(heading)) ?? 0;
    const goalsPage = pdf.png(pageWith('Målbedömning med prognos'));
    // Words are printed in the text colour, so these pixels come from the drawn circle, diamond and square.
    for (const a of ['uppfyllt', 'delvis', 'ej-uppfyllt'] as const) {
      expect(pixelsNear(goalsPage, ASSESSMENT_COLOUR[a]), `${a} (${ASSESSMENT_COLOUR[a]})`).toBeGreaterThanOrEqual(8);
    }
    // The annex's first goal has one indicator uppfylld and one delvis.
    const annexPage = pdf.png(pageWith('Bilaga: Uppföljning av indikatorer'));
    for (const a of ['uppfyllt', 'delvis'] as const) expect(pixelsNear(annexPage, ASSESSMENT_COLOUR[a]), a).toBeGreaterThanOrEqual(8);
  });

  it('says so in Swedish when a section is empty, and marks a report not yet fastställd', async () => {
    const empty = emptyReport({ dataThrough: null });
    const pdf = inspectPdf(ARTIFACTS, 'tom-rapport', await renderReportPdf(empty));
    for (const sentence of [
      'Inga risker rapporterade för perioden.',
      'Inga mål att bedöma för perioden.',
      'Inga åtgärder planerade för perioden.',
      'Inga indikatorer att redovisa för perioden.',
    ]) {
      expect(pdf.layout).toContain(sentence);
    }
    expect(pdf.layout).toContain('Ej fastställd');
    expect(pdf.layout).toContain('Inga månader med data ännu');
  });

  it('flows 60 goals and a very long comment over several pages, repeating the table header', async () => {
    const base = delarsrapport2020();
    const long = Array.from({ length: 400 }, (_, i) => `Mening ${i + 1} i en lång kommentar om målets utveckling under perioden.`).join(' ');
    const goals: ReportGoalRow[] = Array.from({ length: 60 }, (_, i) => ({
      id: 100 + i,
      parentId: null,
      depth: 1,
      kind: 'namndmal',
      title: `Mål nummer ${i + 1}`,
      committees: ['Socialnämnden'],
      status: (['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-bedomd'] as const)[i % 4] ?? 'ej-bedomd',
      prognos: 'uppfyllt',
      comment: i === 5 ? long : `Kommentar till mål ${i + 1}.`,
      proposal: '',
      decidedBy: null,
      decidedAt: null,
    }));
    const pdf = inspectPdf(ARTIFACTS, 'sextio-mal', await renderReportPdf({ ...base, goals }));

    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.layout).toContain('Mål nummer 60');
    expect(pdf.flat).toContain('Mening 400 i en lång kommentar');
    // The goal table's header row is printed again on every page the table runs over.
    const withHeader = Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1)).filter((t) => /Mål\s+Status\s+Prognos helår\s+Kommentar/.test(t));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
  });

  it('prints the driftsredovisning under Ekonomi: one line per unit with its four tkr figures, "–" for no prognos, the Summa last', async () => {
    const pdf = inspectPdf(ARTIFACTS, 'drift-2020', await renderReportPdf({ ...delarsrapport2020(), driftsredovisning: driftDelar2020() }));
    const lines = pdf.layout.split('\n').map((l) => l.trim().replace(/\s{2,}/g, ' | '));
    expect(pdf.flat).toContain('Driftsredovisning, nettoresultat (tkr)');
    expect(lines).toContain('Socialnämnd | -861 | -934 | 73 | 100');
    expect(lines).toContain('Barn och familj | -25 376 | -20 542 | -4 834 | –');
    expect(lines).toContain('Summa | -49 487 | -41 060 | -8 427 | -7 400');
    expect(positionsInOrder(pdf.flat, ['Ekonomi', 'Driftsredovisning', 'Socialnämnd', 'Summa', 'Utbetalt försörjningsstöd', 'Personal'])).not.toContain(-1);
  });
});
