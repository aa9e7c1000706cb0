/**
 * What an economy amount is of. 'netto' is a unit's own net result in the
 * driftsredovisning; the cost types are the split by kind of income and cost
 * (Tertialrapport T1 2019, 002 l.244–276), printed with their Swedish labels.
 */
export const NET_LINE = 'netto';

export interface CostTypeLine {
  id: string;
  sv: string;
  en: string;
  /** Income adds to the net result; every other line is a cost (printed negative). */
  income: boolean;
}

export const COST_TYPE_LINES: readonly CostTypeLine[] = [
  { id: 'intakter', sv: 'Verksamhetens intäkter', en: 'Operating income', income: true },
  { id: 'ekonomiskt-bistand', sv: 'varav ekonomiskt bistånd', en: 'of which financial assistance', income: false },
  { id: 'placeringar', sv: 'varav köpt huvudverksamhet (placeringar)', en: 'of which purchased care (placements)', income: false },
  { id: 'personal', sv: 'varav personalkostnader inkl ers familjehem', en: 'of which staff costs incl. foster-home fees', income: false },
  { id: 'konsulter', sv: 'varav utredningskonsulter', en: 'of which investigation consultants', income: false },
  { id: 'ovrigt', sv: 'varav övriga kostnader', en: 'of which other costs', income: false },
];

export const isCostTypeLine = (line: string): boolean => COST_TYPE_LINES.some((l) => l.id === line);
