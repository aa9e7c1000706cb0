import {
  ASSESSMENTS,
  driftHead,
  driftTextRows,
  figureText,
  goalTally,
  REPORT_SECTION_META,
  REPORT_SECTIONS,
  reportTitle,
  type ReportAnnexRow,
  type ReportDocument,
  type ReportGoalRow,
  type ReportKpiRow,
  type ReportSectionId,
} from '@lagesbild/domain';
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import { assessmentPara, type Cell, docxTable, para } from './docx-table.js';
import { KPI_FIGURE_COLUMNS, KPI_HEADERS, kpiCells, nameNotes } from './kpi-columns.js';
import type { ReportPdfMeta } from './render-pdf.js';
import { ATGARD_STATUS, dataThroughText, dateText, dateTimeText, EMPTY_SECTION, UPPDRAG_STATUS } from './words.js';

type Block = Paragraph | Table;
const NOTE_SIZE = 16;
const none = (text: string): Block[] => [new Paragraph({ children: [new TextRun({ text, italics: true })] })];
const num = (text: string) => para(text, true);

function summary(doc: ReportDocument): Block[] {
  const text = doc.summary.trim();
  const out: Block[] = text ? text.split(/\n\s*\n/).map((p) => new Paragraph({ text: p.trim(), spacing: { after: 120 } })) : none(EMPTY_SECTION.sammantagen);
  const goals = doc.goals.filter((g) => g.kind !== 'area').length;
  if (goals === 0) return out;
  const tally = goalTally(doc);
  out.push(new Paragraph({ text: `Målen (${goals}) efter bedömning`, heading: HeadingLevel.HEADING_3 }));
  out.push(
    docxTable(
      ['Bedömning', 'Status nu', 'Prognos helår'],
      [3000, 1500, 1500],
      ASSESSMENTS.map((a) => [assessmentPara(a), num(String(tally.status[a])), num(String(tally.prognos[a]))]),
      [1, 2],
    ),
  );
  return out;
}

function goalRow(g: ReportGoalRow): Cell[] {
  if (g.kind === 'area') return [{ children: [para({ text: g.title, bold: true })], span: 4, fill: 'F2F4F7' }];
  const indent = '   '.repeat(Math.max(0, g.depth - 1));
  const title = [para({ text: `${indent}${g.title}`, bold: g.depth <= 1 }), ...(g.committees.length ? [para({ text: g.committees.join(', '), muted: true })] : [])];
  const comment = [...(g.comment.trim() ? [para(g.comment.trim())] : []), ...(g.proposal ? [para({ text: `Förslag enligt indikatorerna: ${g.proposal}`, muted: true })] : [])];
  comment.push(para({ text: g.decidedBy === null ? 'Förslag, ej beslutad' : `Beslutad av ${g.decidedBy}${g.decidedAt ? ` ${dateText(g.decidedAt)}` : ''}`, muted: true }));
  return [title, assessmentPara(g.status), assessmentPara(g.prognos), comment];
}

function kpis(rows: ReportKpiRow[], empty: string): Block[] {
  if (rows.length === 0) return none(empty);
  const body = rows.map((r): Cell[] => [[para(r.name), ...nameNotes(r).map((text) => para({ text, muted: true }))], ...kpiCells<Cell>(r, num, assessmentPara)]);
  return [docxTable(KPI_HEADERS, [2200, 1150, 1150, 1150, 1300, 1150, 1300], body, KPI_FIGURE_COLUMNS, true)];
}

/** The driftsredovisning in tkr (004 l.248), the Summa in bold; nothing when the period has none. */
function drift(doc: ReportDocument): Block[] {
  const d = doc.driftsredovisning;
  if (!d) return [];
  const rows = driftTextRows(d).map((r): Cell[] => [
    para({ text: `${'   '.repeat(r.depth)}${r.name}`, bold: r.total }),
    ...r.cells.map((text) => para({ text, bold: r.total }, true)),
  ]);
  return [
    new Paragraph({ text: 'Driftsredovisning, nettoresultat (tkr)', heading: HeadingLevel.HEADING_3, keepNext: true }),
    docxTable(driftHead(d), [2900, 1600, 1600, 1600, 1900], rows, [1, 2, 3, 4], true),
  ];
}

function annex(doc: ReportDocument): Block[] {
  if (doc.bilaga.length === 0) return none(EMPTY_SECTION.bilaga);
  const row = (r: ReportAnnexRow): Cell[] => {
    const fig = (f: ReportAnnexRow['total']) => num(figureText(f, r.unit, r.decimals));
    const riket =
      r.riket === null
        ? [num('–')]
        : [
            num(figureText({ value: r.riket.value, hidden: null }, r.unit, r.decimals)),
            para({ text: `Källa: ${r.riket.source}${r.riket.year === null ? '' : ` ${r.riket.year}`}`, muted: true }, true),
          ];
    return [para(r.name), fig(r.total), fig(r.women), fig(r.men), riket, assessmentPara(r.status)];
  };
  const out: Block[] = [];
  for (const goalId of new Set(doc.bilaga.map((r) => r.goalId))) {
    const rows = doc.bilaga.filter((r) => r.goalId === goalId);
    out.push(new Paragraph({ text: rows[0]?.goalTitle ?? '', heading: HeadingLevel.HEADING_3, keepNext: true }));
    out.push(docxTable(['Indikator', 'Totalt', 'Kvinnor', 'Män', 'Riket', 'Bedömning'], [2900, 1000, 1000, 1000, 1800, 1700], rows.map(row), [1, 2, 3, 4], true));
  }
  return out;
}

const SECTION: Record<ReportSectionId, (doc: ReportDocument) => Block[]> = {
  sammantagen: summary,
  malbedomning: (d) =>
    d.goals.length === 0 ? none(EMPTY_SECTION.malbedomning) : [docxTable(['Mål', 'Status', 'Prognos helår', 'Kommentar'], [3000, 1500, 1500, 3600], d.goals.map(goalRow))],
  uppdrag: (d) =>
    d.uppdrag.length === 0
      ? none(EMPTY_SECTION.uppdrag)
      : [
          docxTable(
            ['Uppdrag', 'Status', 'Kommentarer'],
            [3300, 1200, 5100],
            d.uppdrag.map((u) => [
              para(u.title),
              para(UPPDRAG_STATUS[u.status]),
              u.comments.length ? u.comments.map((c) => para(`${dateText(c.date)}: ${c.body}`)) : [para({ text: 'Ingen kommentar', muted: true })],
            ]),
          ),
        ],
  volymmatt: (d) => kpis(d.volymmatt, EMPTY_SECTION.volymmatt),
  ekonomi: (d) => [...drift(d), ...(d.ekonomi.length || !d.driftsredovisning ? kpis(d.ekonomi, EMPTY_SECTION.ekonomi) : [])],
  personal: (d) => kpis(d.personal, EMPTY_SECTION.personal),
  atgardsplan: (d) =>
    d.atgarder.length === 0
      ? none(EMPTY_SECTION.atgardsplan)
      : [
          docxTable(
            ['Avvikelse', 'Åtgärd', 'Förväntad effekt', 'Ansvarig', 'Klart senast', 'Status'],
            [2000, 2000, 2000, 1300, 1200, 1100],
            d.atgarder.map((a) => [
              [para(a.avvikelse), para({ text: `Gäller: ${a.about}`, muted: true })],
              para(a.title),
              para(a.expectedEffect),
              para(a.owner),
              para(a.dueDate === null ? '–' : dateText(a.dueDate)),
              para(ATGARD_STATUS[a.status]),
            ]),
          ),
        ],
  risker: (d) =>
    d.risker.length === 0
      ? none(EMPTY_SECTION.risker)
      : [
          docxTable(
            ['Risk', 'Orsak', 'Konsekvenser', 'Hantering'],
            [2400, 2400, 2400, 2400],
            d.risker.map((r) => [para({ text: r.risk, bold: true }), para(r.orsak), para(r.konsekvenser), para(r.hantering)]),
          ),
        ],
  bilaga: annex,
};

function titlePage(doc: ReportDocument, title: string, meta: ReportPdfMeta): Paragraph[] {
  const f = meta.faststalld;
  return [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, spacing: { before: 2400 } }),
    new Paragraph({ children: [new TextRun({ text: doc.orgName, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: doc.unitName, size: 28 })], spacing: { after: 240 } }),
    new Paragraph({ text: dataThroughText(doc) }),
    new Paragraph({ text: `Skapad ${dateTimeText(doc.generatedAt)}` }),
    new Paragraph({
      children: [
        new TextRun({ text: f ? `Fastställd ${dateText(f.at)} av ${f.by} (version ${f.version})` : 'Ej fastställd: siffrorna är dagens och kan ändras.', bold: f !== undefined }),
      ],
      spacing: { before: 160 },
    }),
  ];
}

/** The same report as a Word document, for a nämnd that edits its text before sending it on. */
export async function renderReportDocx(doc: ReportDocument, meta: ReportPdfMeta = {}): Promise<Uint8Array> {
  const title = reportTitle(doc);
  const children: Block[] = titlePage(doc, title, meta);
  REPORT_SECTIONS.forEach((id, i) => {
    children.push(new Paragraph({ text: REPORT_SECTION_META[id].sv, heading: HeadingLevel.HEADING_1, pageBreakBefore: i === 0, keepNext: true }));
    children.push(...SECTION[id](doc));
  });
  const document = new Document({
    creator: 'Lägesbild',
    title: `${title} – ${doc.unitName}`,
    styles: { default: { document: { run: { size: 20, language: { value: 'sv-SE' } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${title} · ${doc.orgName} · ${doc.unitName}`, size: NOTE_SIZE })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: NOTE_SIZE })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
