import type { MeasureUnit } from './kpi.js';
import { readNumberToken } from './number-token.js';

export type NumberLocale = 'sv' | 'en';

/**
 * Swedish number style: space as thousands separator, comma as decimal mark,
 * "-" for minus. Plain spaces (not U+00A0) so that exports and the CLI give the
 * same text users type; the UI keeps numbers on one line with CSS.
 */
export function formatNumber(value: number, decimals: number, locale: NumberLocale = 'sv'): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const sep = locale === 'sv' ? ' ' : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const body = frac ? `${grouped}${locale === 'sv' ? ',' : '.'}${frac}` : grouped;
  const negative = value < 0 && Number(fixed) !== 0;
  return negative ? `-${body}` : body;
}

const SUFFIX: Record<MeasureUnit, string> = {
  count: '',
  kr: ' kr',
  tkr: ' tkr',
  percent: ' %',
  score: '',
  index: '',
  days: ' dygn',
  fte: ' åa',
};

/** "3 634 874 kr", "6,8 %", "604". Null shows as an en dash. */
export function formatValue(value: number | null, unit: MeasureUnit, decimals: number, locale: NumberLocale = 'sv'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const suffix = locale === 'en' && unit === 'fte' ? ' FTE' : locale === 'en' && unit === 'days' ? ' days' : SUFFIX[unit];
  return `${formatNumber(value, decimals, locale)}${suffix}`;
}

/**
 * Parses Swedish-formatted numbers as printed: "3 634 873,98", "8,1%", "4 204", "-12", "+5". Null if not a
 * number, or if whitespace splits it anywhere but between groups of three digits ("9 5" is not 95).
 * A unit after the number is read and dropped; the importer, which must convert or refuse it, reads it with readNumberToken.
 */
export function parseSwedishNumber(raw: string): number | null {
  const t = readNumberToken(raw);
  return t.kind === 'number' ? t.value : null;
}
