import { formatNumber, formatPeriod, formatValue, parsePeriod, type Locale, type MeasureUnit } from '@lagesbild/domain';
import { shownText, type Displayed } from '../lib/hidden-text.js';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The figures of a card the words are made from (structured, as the server sends them). */
export interface CardFigures extends Displayed {
  value: number | null;
  target: number | null;
  measureUnit: string;
  decimals: number;
  direction: string;
  targetKind: 'target' | 'budget';
}

const UNITS: readonly string[] = ['count', 'kr', 'tkr', 'percent', 'score', 'index', 'days', 'fte'];
/** The server's unit as the formatter takes it; an unknown one is written as a plain number. */
const measureUnit = (u: string): MeasureUnit => (UNITS.includes(u) ? (u as MeasureUnit) : 'count');

/** A value in the reader's language: "6,8 %" / "6.8 %", "3 634 874 kr". The one place the dashboard writes a KPI's figure. */
export function figure(value: number, c: Pick<CardFigures, 'measureUnit' | 'decimals'>, lang: Locale): string {
  return formatValue(value, measureUnit(c.measureUnit), c.decimals, lang);
}

/**
 * Any value the server sends on screen (a drill-down row, its target): the
 * reason when hidden (its structured mark), else written from its number in
 * the reader's language; the server's display only while the KPI's unit is
 * not known yet.
 */
export function shownFigure(v: Displayed & { value: number | null }, measure: { unit: string; decimals: number } | null, lang: Locale, t: Translate): string {
  if (v.hidden) return shownText(v, t);
  return measure && v.value !== null ? figure(v.value, { measureUnit: measure.unit, decimals: measure.decimals }, lang) : v.display;
}

/** The card's value: the figure, the reason it is hidden, or "Inga data". */
export function valueText(c: CardFigures, lang: Locale, t: Translate): string {
  if (c.hidden) return shownText(c, t);
  return c.value === null ? t('card.noValue') : figure(c.value, c, lang);
}

/** "Mål: 6,0 %", "Budget: 41 005 tkr", or "Inget mål". */
export function targetText(c: CardFigures, lang: Locale, t: Translate): string {
  if (c.target === null) return t('card.noTarget');
  return t(c.targetKind === 'budget' ? 'card.budget' : 'card.target', { value: figure(c.target, c, lang) });
}

/**
 * A signed amount in the KPI's unit, with a real minus sign: "−3 995 tkr",
 * "+0,7 procentenheter" (a difference of percentages is in points). Zero at
 * the shown precision has no sign.
 */
export function signedAmount(x: number, c: Pick<CardFigures, 'measureUnit' | 'decimals'>, lang: Locale, t: Translate): string {
  const abs = Math.abs(x);
  const body = c.measureUnit === 'percent' ? t('card.points', { n: formatNumber(abs, c.decimals, lang) }) : figure(abs, c, lang);
  return `${signOf(x, c.decimals)}${body}`;
}

/**
 * The deviation as the reports write it. Against a budget: the budget's
 * avvikelse, positive on the good side (under budget for a cost, "−3 995 tkr
 * mot budget" is over it). Against a mål: the value minus the mål ("+0,7
 * procentenheter mot mål" is above it); the status says whether that is good.
 */
export function deviationOf(c: Pick<CardFigures, 'value' | 'target' | 'direction' | 'targetKind'>): number | null {
  if (c.value === null || c.target === null) return null;
  if (c.targetKind === 'budget') return c.direction === 'higher' ? c.value - c.target : c.target - c.value;
  return c.value - c.target;
}

export function deviationText(c: CardFigures, lang: Locale, t: Translate): string | null {
  const d = deviationOf(c);
  if (d === null || c.hidden) return null;
  return t(c.targetKind === 'budget' ? 'card.againstBudget' : 'card.againstTarget', { amount: signedAmount(d, c, lang, t) });
}

interface ChangeFigures {
  absolute: number | null;
  percent: number | null;
  lastYear: { period: string };
}

/** "−86 (−16,7 %) mot T1 2021"; a percentage changes in points, without a per cent of a per cent. */
export function changeText(c: CardFigures & { change: ChangeFigures }, lang: Locale, t: Translate): string | null {
  const ch = c.change;
  if (c.value === null || c.hidden || ch.absolute === null) return null;
  const percentPart = ch.percent === null || c.measureUnit === 'percent' ? '' : ` (${signOf(ch.percent, 1)}${formatNumber(Math.abs(ch.percent), 1, lang)} %)`;
  return t('card.change', { change: `${signedAmount(ch.absolute, c, lang, t)}${percentPart}`, period: formatPeriod(parsePeriod(ch.lastYear.period), lang) });
}

/** "+", "−" (U+2212), or nothing for what rounds to zero at the shown decimals. */
function signOf(x: number, decimals: number): string {
  return Number(Math.abs(x).toFixed(decimals)) === 0 ? '' : x > 0 ? '+' : '−';
}

/** "lägre är bättre" with its arrow, or nothing for a KPI without a better direction. */
export function directionText(direction: string, t: Translate): string | null {
  if (direction === 'lower') return `↓ ${t('card.lowerBetter')}`;
  if (direction === 'higher') return `↑ ${t('card.higherBetter')}`;
  return null;
}
