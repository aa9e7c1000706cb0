import { ASSESSMENT_META } from '../goals.js';
import { STATUS_META } from '../status.js';
import type { ReportDocument, ReportKpiRow, ReportSectionId } from './document.js';
import { figureText, numberText } from './text.js';

/** One cell that differs between a fastställd version and the data now, as printed (Swedish). */
export interface ReportChange {
  section: ReportSectionId;
  row: string;
  column: string;
  before: string;
  after: string;
}

interface Column<R> {
  name: string;
  text: (r: R) => string;
}

const ADDED = 'ny rad';
const REMOVED = 'borttagen';

/** Rows matched by key; a row on one side only is one change, a matched row one change per differing column. */
function compareRows<R>(
  section: ReportSectionId,
  before: readonly R[],
  after: readonly R[],
  key: (r: R) => string,
  label: (r: R) => string,
  columns: readonly Column<R>[],
): ReportChange[] {
  const out: ReportChange[] = [];
  const now = new Map(after.map((r) => [key(r), r]));
  const then = new Map(before.map((r) => [key(r), r]));
  for (const b of before) {
    const a = now.get(key(b));
    if (!a) {
      out.push({ section, row: label(b), column: '', before: label(b), after: REMOVED });
      continue;
    }
    for (const c of columns) {
      const [x, y] = [c.text(b), c.text(a)];
      if (x !== y) out.push({ section, row: label(a), column: c.name, before: x, after: y });
    }
  }
  for (const a of after) if (!then.has(key(a))) out.push({ section, row: label(a), column: '', before: '', after: ADDED });
  return out;
}

const kpiColumns: readonly Column<ReportKpiRow>[] = [
  { name: 'Utfall', text: (r) => figureText(r.value, r.unit, r.decimals) },
  { name: 'Föregående år', text: (r) => figureText(r.lastYear, r.unit, r.decimals) },
  { name: 'Mål', text: (r) => numberText(r.target, r.unit, r.decimals) },
  { name: 'Status', text: (r) => STATUS_META[r.status].sv },
  { name: 'Prognos helår', text: (r) => numberText(r.forecast, r.unit, r.decimals) },
  { name: 'Prognos', text: (r) => STATUS_META[r.forecastStatus].sv },
];

/**
 * What changed between a fastställd report and the same report made from
 * today's data: the nämnd sees which printed figures a later import moved.
 * Empty when the two print the same.
 */
export function diffReports(before: ReportDocument, after: ReportDocument): ReportChange[] {
  const kpi = (section: 'volymmatt' | 'ekonomi' | 'personal') =>
    compareRows(
      section,
      before[section],
      after[section],
      (r) => r.kpi,
      (r) => r.name,
      kpiColumns,
    );
  return [
    ...(before.summary === after.summary ? [] : [{ section: 'sammantagen' as const, row: 'Text', column: '', before: before.summary, after: after.summary }]),
    ...compareRows(
      'malbedomning',
      before.goals,
      after.goals,
      (g) => String(g.id),
      (g) => g.title,
      [
        { name: 'Status', text: (g) => ASSESSMENT_META[g.status].sv },
        { name: 'Prognos', text: (g) => ASSESSMENT_META[g.prognos].sv },
        { name: 'Kommentar', text: (g) => g.comment },
      ],
    ),
    ...compareRows(
      'uppdrag',
      before.uppdrag,
      after.uppdrag,
      (u) => String(u.id),
      (u) => u.title,
      [
        { name: 'Status', text: (u) => u.status },
        { name: 'Kommentarer', text: (u) => u.comments.map((c) => `${c.date}: ${c.body}`).join('\n') },
      ],
    ),
    ...kpi('volymmatt'),
    ...kpi('ekonomi'),
    ...kpi('personal'),
    ...compareRows(
      'atgardsplan',
      before.atgarder,
      after.atgarder,
      (a) => String(a.id),
      (a) => a.title,
      [
        { name: 'Status', text: (a) => a.status },
        { name: 'Klart senast', text: (a) => a.dueDate ?? '' },
      ],
    ),
    ...compareRows(
      'risker',
      before.risker,
      after.risker,
      (r) => String(r.id),
      (r) => r.risk,
      [{ name: 'Hantering', text: (r) => r.hantering }],
    ),
    ...compareRows(
      'bilaga',
      before.bilaga,
      after.bilaga,
      (r) => `${r.goalId}:${r.name}`,
      (r) => r.name,
      [
        { name: 'Utfall', text: (r) => figureText(r.total, r.unit, r.decimals) },
        { name: 'Kvinnor', text: (r) => figureText(r.women, r.unit, r.decimals) },
        { name: 'Män', text: (r) => figureText(r.men, r.unit, r.decimals) },
        { name: 'Riket', text: (r) => (r.riket ? numberText(r.riket.value, r.unit, r.decimals) : '–') },
      ],
    ),
  ];
}
