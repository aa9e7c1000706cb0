import { ASSESSMENT_META } from '../goals.js';
import { STATUS_META } from '../status.js';
import type { ReportAnnexRow, ReportAtgardRow, ReportDocument, ReportGoalRow, ReportKpiRow, ReportRiskRow, ReportSectionId, ReportUppdragRow } from './document.js';
import { driftHead, driftTextRows, type DriftTextRow } from './drift.js';
import { figureText, numberText, prognosNote } from './text.js';

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

/** How a section's rows are matched (key), named (label) and compared (columns, as printed). */
interface Rows<R> {
  key: (r: R) => string;
  label: (r: R) => string;
  columns: readonly Column<R>[];
}

const ADDED = 'ny rad';
const REMOVED = 'borttagen';

/** Rows matched by key; a row on one side only is one change, a matched row one change per differing column. */
function compareRows<R>(section: ReportSectionId, before: readonly R[], after: readonly R[], { key, label, columns }: Rows<R>): ReportChange[] {
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

const byId = (r: { id: number }) => String(r.id);

const GOALS: Rows<ReportGoalRow> = {
  key: byId,
  label: (g) => g.title,
  columns: [
    { name: 'Status', text: (g) => ASSESSMENT_META[g.status].sv },
    { name: 'Prognos', text: (g) => ASSESSMENT_META[g.prognos].sv },
    { name: 'Kommentar', text: (g) => g.comment },
  ],
};

const UPPDRAG: Rows<ReportUppdragRow> = {
  key: byId,
  label: (u) => u.title,
  columns: [
    { name: 'Status', text: (u) => u.status },
    { name: 'Kommentarer', text: (u) => u.comments.map((c) => `${c.date}: ${c.body}`).join('\n') },
  ],
};

const KPIS: Rows<ReportKpiRow> = {
  key: (r) => r.kpi,
  label: (r) => r.name,
  columns: [
    { name: 'Utfall', text: (r) => figureText(r.value, r.unit, r.decimals) },
    { name: 'Föregående år', text: (r) => figureText(r.lastYear, r.unit, r.decimals) },
    { name: 'Mål', text: (r) => numberText(r.target, r.unit, r.decimals) },
    { name: 'Status', text: (r) => STATUS_META[r.status].sv },
    { name: 'Prognos helår', text: (r) => numberText(r.forecast, r.unit, r.decimals) },
    { name: 'Prognos', text: (r) => STATUS_META[r.forecastStatus].sv },
    { name: 'Förvaltningens prognos', text: (r) => prognosNote(r.prognos, r.unit, r.decimals) ?? '–' },
  ],
};

const DRIFT: Rows<DriftTextRow> = {
  key: (r) => r.key,
  label: (r) => r.name,
  columns: driftHead({ through: '2000-01', prognosLabel: 'Prognos' })
    .slice(1)
    .map((name, i) => ({ name: name.replace(/ per .*/, ''), text: (r: DriftTextRow) => r.cells[i] ?? '' })),
};

const driftRows = (d: ReportDocument['driftsredovisning']): DriftTextRow[] => (d ? driftTextRows(d) : []);

const ATGARDER: Rows<ReportAtgardRow> = {
  key: byId,
  label: (a) => a.title,
  columns: [
    { name: 'Status', text: (a) => a.status },
    { name: 'Klart senast', text: (a) => a.dueDate ?? '' },
  ],
};

const RISKER: Rows<ReportRiskRow> = { key: byId, label: (r) => r.risk, columns: [{ name: 'Hantering', text: (r) => r.hantering }] };

const BILAGA: Rows<ReportAnnexRow> = {
  key: (r) => `${r.goalId}:${r.name}`,
  label: (r) => r.name,
  columns: [
    { name: 'Utfall', text: (r) => figureText(r.total, r.unit, r.decimals) },
    { name: 'Kvinnor', text: (r) => figureText(r.women, r.unit, r.decimals) },
    { name: 'Män', text: (r) => figureText(r.men, r.unit, r.decimals) },
    { name: 'Riket', text: (r) => (r.riket ? numberText(r.riket.value, r.unit, r.decimals) : '–') },
  ],
};

/**
 * What changed between a fastställd report and the same report made from
 * today's data: the nämnd sees which printed figures a later import moved.
 * Empty when the two print the same.
 */
export function diffReports(before: ReportDocument, after: ReportDocument): ReportChange[] {
  return [
    ...(before.summary === after.summary ? [] : [{ section: 'sammantagen' as const, row: 'Text', column: '', before: before.summary, after: after.summary }]),
    ...compareRows('malbedomning', before.goals, after.goals, GOALS),
    ...compareRows('uppdrag', before.uppdrag, after.uppdrag, UPPDRAG),
    ...compareRows('volymmatt', before.volymmatt, after.volymmatt, KPIS),
    ...compareRows('ekonomi', before.ekonomi, after.ekonomi, KPIS),
    ...compareRows('ekonomi', driftRows(before.driftsredovisning), driftRows(after.driftsredovisning), DRIFT),
    ...compareRows('personal', before.personal, after.personal, KPIS),
    ...compareRows('atgardsplan', before.atgarder, after.atgarder, ATGARDER),
    ...compareRows('risker', before.risker, after.risker, RISKER),
    ...compareRows('bilaga', before.bilaga, after.bilaga, BILAGA),
  ];
}
