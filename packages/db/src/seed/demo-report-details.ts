import type { Gender, Month } from '@lagesbild/domain';
import { MONTHLY_REPORT_KPIS } from './demo-kpis-monthly.js';
import { DEMO_MAPPINGS } from './demo-mappings.js';
import { figure, referenceRows } from './reference-csv.js';
import type { DemoObservation } from './types.js';

/** The row a mapping has for a printed label; the unit of the import (Ekonomiskt bistånd) where it names none. */
function mappingOf(section: string, parent: string, label: string) {
  return DEMO_MAPPINGS.find((m) => m.section === section && m.parentLabel === parent && m.label === label && m.kpiId !== null);
}

interface Printed {
  section: string;
  parent: string;
  label: string;
  row: Record<string, string>;
}

const splitPath = (path: string): { parent: string; label: string } => {
  const i = path.lastIndexOf(' / ');
  return i < 0 ? { parent: '', label: path } : { parent: path.slice(0, i), label: path.slice(i + 3) };
};

/** The reference tables' rows as the report prints them: section, parent row and label. */
function printedRows(): Printed[] {
  const eb = referenceRows('monthly_economic_assistance').map((row) => {
    // The households' 18–24 row is printed below the children (data/README.md); the table names the households.
    const path = (row.row_label ?? '').replace('Totalt antal hushåll försörjningsstöd / ', 'Antal barn som ingår i försörjningsstöd / ');
    return { section: '', ...splitPath(path), row };
  });
  const reasons = referenceRows('monthly_decision_reasons').map((row) => {
    const reason = row.reason ?? '';
    const label = row.label_printed ?? '';
    // The 2022 fragment's first row has no reason: in the file it stands below Dödsboanmälningar (001 l.721).
    const parent = label === reason ? '' : reason || 'Dödsboanmälningar';
    return { section: '', parent, label, row };
  });
  const buv = referenceRows('monthly_children_adults').map((row) => ({ section: row.category ?? '', parent: '', label: row.group ?? '', row }));
  return [...eb, ...reasons, ...buv];
}

/**
 * The printed months (2018 Jan–Feb, 2022 Jan–Apr) of the monthly reports' rows
 * that no other part of the demo holds: the KPIs of demo-kpis-monthly.ts and
 * the 18–24 bands, read through the same mappings an import uses, so that
 * importing the sample reports changes nothing. Other months stay empty: no
 * synthetic series is made up for these details. A total printed with its
 * kvinnor and män rows of the same KPI is stored as the split only, as the
 * import does.
 */
export function reportDetailObservations(): DemoObservation[] {
  const detail = new Set(MONTHLY_REPORT_KPIS.map((k) => k.id));
  const cells = new Map<string, DemoObservation>();
  for (const p of printedRows()) {
    const m = mappingOf(p.section, p.parent, p.label);
    const f = figure(p.row);
    const month: Month = p.row.month ?? '';
    if (!m?.kpiId || !f || month === '' || (!detail.has(m.kpiId) && m.ageBand === '')) continue;
    const unitCode = m.unitCode ?? 'EKBIST';
    const o: DemoObservation = {
      kpiId: m.kpiId,
      unitCode,
      month,
      gender: m.gender,
      ageBand: m.ageBand,
      numerator: f.value,
      denominator: null,
      origin: 'reported',
      sourceFile: f.source,
      sourceRow: f.line,
    };
    cells.set(`${m.kpiId}|${unitCode}|${month}|${m.gender}|${m.ageBand}`, o);
  }
  const split = (o: DemoObservation, g: Gender) => cells.has(`${o.kpiId}|${o.unitCode}|${o.month}|${g}|${o.ageBand}`);
  return [...cells.values()].filter((o) => o.gender !== 'T' || !(split(o, 'K') && split(o, 'M')));
}
