/**
 * The import mappings on the page: the form's fields ↔ a mapping, the form
 * prefilled from an "unknown row" error of a preview, the filter of the list,
 * and the checks made before anything is sent. Pure: no Vue, no I/O.
 */
import type { ImportIssue, MappingRow } from '../api/import.js';

type Gender = 'K' | 'M' | 'T';

/** The KPI select's value for "a known row that is not imported" (kpiId null); no KPI id has a colon. */
export const SKIP_ROW = ':skip';

/** The form as its inputs hold it: kpi '' = not chosen yet, SKIP_ROW = skip the row; unit '' = the unit given with the import. */
export interface MappingForm {
  section: string;
  parentLabel: string;
  label: string;
  kpi: string;
  gender: Gender;
  ageBand: string;
  unitCode: string;
}

/** A mapping's own fields, every one given (what is sent to import.saveMapping). */
export type MappingFields = Pick<MappingRow, 'section' | 'parentLabel' | 'label' | 'kpiId' | 'gender' | 'ageBand' | 'unitCode'>;

export const emptyForm = (): MappingForm => ({ section: '', parentLabel: '', label: '', kpi: '', gender: 'T', ageBand: '', unitCode: '' });

export function formOfMapping(m: MappingFields): MappingForm {
  return { section: m.section, parentLabel: m.parentLabel, label: m.label, kpi: m.kpiId ?? SKIP_ROW, gender: m.gender, ageBand: m.ageBand, unitCode: m.unitCode ?? '' };
}

/** One space between words, none at the ends: what the server stores. */
const tidy = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A skipped row has no gender or age band (the server refuses them), whatever the selects still say. */
export function mappingOfForm(f: MappingForm): MappingFields {
  const skip = f.kpi === SKIP_ROW || f.kpi === '';
  return {
    section: tidy(f.section),
    parentLabel: tidy(f.parentLabel),
    label: tidy(f.label),
    kpiId: skip ? null : f.kpi,
    gender: skip ? 'T' : f.gender,
    ageBand: skip ? '' : f.ageBand,
    unitCode: f.unitCode === '' ? null : f.unitCode,
  };
}

/** How the importer compares labels (packages/importer suggest.ts): case, spacing and spaces around "/" and "-" do not count. */
const labelKey = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([/\-–])\s*/g, '$1')
    .trim();

const rowKey = (m: { section: string; parentLabel: string; label: string }) => [m.section, m.parentLabel, m.label].map(labelKey).join('\u0000');

/** Another mapping for the same row (section, parent and label as the importer compares them), or null. */
export function duplicateOf(rows: readonly MappingRow[], f: MappingForm, editingId: number | null): MappingRow | null {
  const key = rowKey(mappingOfForm(f));
  return rows.find((r) => r.id !== editingId && rowKey(r) === key) ?? null;
}

export type FormProblem = 'label' | 'kpi' | 'duplicate';

/** What stops the form from being sent, checked here so the admin is not sent to the server for it. */
export function formProblem(rows: readonly MappingRow[], f: MappingForm, editingId: number | null): FormProblem | null {
  if (tidy(f.label) === '') return 'label';
  if (f.kpi === '') return 'kpi';
  if (duplicateOf(rows, f, editingId) !== null) return 'duplicate';
  return null;
}

/**
 * The form for an "unknown row" error of a preview: the row's own section,
 * parent and label, with the KPI, gender and age band of the closest known
 * row (the importer's "Menade du …?"). Its unit only when it is from the same
 * section, since units follow the sections of a report. Null for other errors.
 */
export function prefillFromIssue(issue: Pick<ImportIssue, 'unknownRow'>): MappingForm | null {
  const row = issue.unknownRow;
  if (!row) return null;
  const s = row.suggestion;
  const form: MappingForm = { ...emptyForm(), section: row.section, parentLabel: row.parentLabel, label: row.label };
  if (s === null) return form;
  const sameSection = labelKey(s.section) === labelKey(row.section);
  return {
    ...form,
    kpi: s.kpiId ?? SKIP_ROW,
    gender: s.kpiId === null ? 'T' : s.gender,
    ageBand: s.kpiId === null ? '' : s.ageBand,
    unitCode: sameSection ? (s.unitCode ?? '') : '',
  };
}

/**
 * The mappings whose texts hold every word of the query (any order, case
 * ignored); `extra` adds what the table shows beside the stored fields (KPI
 * and unit names, the gender in words).
 */
export function filterMappings<T extends MappingFields>(rows: readonly T[], query: string, extra: (r: T) => readonly string[] = () => []): T[] {
  const words = labelKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = [r.section, r.parentLabel, r.label, r.kpiId ?? '', r.ageBand, r.unitCode ?? '', ...extra(r)].map(labelKey).join('\u0000');
    return words.every((w) => text.includes(w));
  });
}

export interface KpiChoice {
  id: string;
  name: string;
  genderSplit: boolean;
  ageBands: readonly string[];
}

/** The KPIs a row can be mapped to: a ratio is computed from its numerator and denominator, never imported. */
export function kpiChoices(kpis: readonly { id: string; name: string; genderSplit: boolean; ageBands: readonly string[]; ratioOf: unknown }[]): KpiChoice[] {
  return kpis.filter((k) => k.ratioOf === null).map((k) => ({ id: k.id, name: k.name, genderSplit: k.genderSplit, ageBands: k.ageBands }));
}

/**
 * A label cut after each "/" so the table may wrap there: the reports join
 * long words with it ("Kontaktfamiljer/Komplementfamiljer/Kontaktpersoner"),
 * which would otherwise widen a column or break inside a word.
 */
export const breakable = (s: string): string[] => s.split(/(?<=\/)/);
