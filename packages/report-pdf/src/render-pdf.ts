import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPORT_SECTION_META, REPORT_SECTIONS, reportTitle, type ReportDocument, type ReportSectionId } from '@lagesbild/domain';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { goalsSection, summarySection } from './section-goals.js';
import { driftSection, kpiSection } from './section-kpis.js';
import { atgarderSection, bilagaSection, riskerSection, uppdragSection } from './section-lists.js';
import { MUTED } from './table.js';
import { dataThroughText, dateText, dateTimeText, EMPTY_SECTION } from './words.js';

/** A fastställd version's stamp on the title page. */
export interface ReportPdfMeta {
  faststalld?: { version: number; by: string; at: string };
}

// pdfmake's own Roboto files; the report reads no other file and fetches nothing.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const font = (file: string) => join(FONT_DIR, file);
pdfmake.setFonts({
  Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

const SECTION: Record<ReportSectionId, (doc: ReportDocument) => Content[]> = {
  sammantagen: summarySection,
  malbedomning: goalsSection,
  uppdrag: uppdragSection,
  volymmatt: (d) => kpiSection(d.volymmatt, EMPTY_SECTION.volymmatt),
  ekonomi: (d) => [...driftSection(d), ...(d.ekonomi.length || !d.driftsredovisning ? kpiSection(d.ekonomi, EMPTY_SECTION.ekonomi) : [])],
  personal: (d) => kpiSection(d.personal, EMPTY_SECTION.personal),
  atgardsplan: atgarderSection,
  risker: riskerSection,
  bilaga: bilagaSection,
};

function titleBlock(doc: ReportDocument, title: string, meta: ReportPdfMeta): Content {
  const f = meta.faststalld;
  const lines: Content[] = [
    { text: title, style: 'title' },
    { text: doc.orgName, fontSize: 14, margin: [0, 0, 0, 2] },
    { text: doc.unitName, fontSize: 14, margin: [0, 0, 0, 16] },
    { text: dataThroughText(doc) },
    { text: `Skapad ${dateTimeText(doc.generatedAt)}`, color: MUTED },
    f
      ? { text: `Fastställd ${dateText(f.at)} av ${f.by} (version ${f.version})`, bold: true, margin: [0, 8, 0, 0] }
      : { text: 'Ej fastställd: siffrorna är dagens och kan ändras.', color: MUTED, margin: [0, 8, 0, 0] },
  ];
  return { stack: lines, margin: [0, 140, 0, 0], pageBreak: 'after' };
}

/** The document definition: title page, then every section in the reports' order. */
function reportDefinition(doc: ReportDocument, meta: ReportPdfMeta = {}): TDocumentDefinitions {
  const title = reportTitle(doc);
  const body: Content[] = [titleBlock(doc, title, meta)];
  for (const id of REPORT_SECTIONS) {
    body.push({ text: REPORT_SECTION_META[id].sv, style: 'h2', headlineLevel: 1 });
    body.push(...SECTION[id](doc));
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 56, 40, 48],
    info: { title: `${title} – ${doc.unitName}`, author: doc.orgName, subject: title, creator: 'Lägesbild' },
    language: 'sv-SE',
    header: () => ({
      columns: [
        { text: title, bold: true },
        { text: `${doc.orgName} · ${doc.unitName}`, alignment: 'right', color: MUTED },
      ],
      margin: [40, 24, 40, 0],
      fontSize: 8,
    }),
    footer: (page, pages) => ({ text: `Sida ${page} av ${pages}`, alignment: 'center', fontSize: 8, color: MUTED, margin: [40, 16, 40, 0] }),
    // A heading never ends a page alone: it moves to the next page with what follows it.
    pageBreakBefore: (node, following) => node.headlineLevel !== undefined && following.getFollowingNodesOnPage().length === 0,
    content: body,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: '#1c2733' },
    styles: {
      title: { fontSize: 26, bold: true, color: '#14304f', margin: [0, 0, 0, 12] },
      h2: { fontSize: 15, bold: true, color: '#14304f', margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      th: { bold: true, fontSize: 8.5 },
      td: { fontSize: 8.5 },
    },
  };
}

/** The report as a PDF (A4, Swedish), for download and for archiving a fastställd version. */
export async function renderReportPdf(doc: ReportDocument, meta: ReportPdfMeta = {}): Promise<Uint8Array> {
  const buffer = await pdfmake.createPdf(reportDefinition(doc, meta)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
