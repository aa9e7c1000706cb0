/**
 * A number as written in a cell, read as one whole token: "3 634 874",
 * "6,8 %", "4 915 tkr". Whitespace is a thousands separator only between
 * groups of exactly three digits (space, no-break space U+00A0 or narrow
 * no-break space U+202F, as Excel and Word write them); anything else with
 * whitespace inside ("9 5", "65⏎0") is two numbers glued together, never
 * one, because dropping the gap silently turns 65 and 0 into 650.
 */

/** A unit written after the number in a cell. */
export type CellUnit = 'kr' | 'tkr' | 'mnkr' | 'percent' | 'days' | 'fte';

export type NumberToken =
  | { kind: 'number'; value: number; unit: CellUnit | null }
  /** Digits separated by whitespace that is not a thousands separator (a space, tab or line break inside the number). */
  | { kind: 'split'; parts: string[] }
  | { kind: 'not-number' };

const UNITS: Record<string, CellUnit> = { kr: 'kr', tkr: 'tkr', mnkr: 'mnkr', '%': 'percent', dygn: 'days', åa: 'fte' };

const SEP = '[ \\u00a0\\u202f]';
/** sign, digits (plain or grouped by three), decimals, then a unit. No exponents: "1e5" is no way to write a report's figure. */
const NUMBER_RE = new RegExp(`^([-+\\u2212]?)\\s*((?:\\d{1,3}(?:${SEP}\\d{3})+|\\d+)(?:[.,]\\d+)?|[.,]\\d+)(?:${SEP}*(kr|tkr|mnkr|%|dygn|åa))?$`, 'i');

export function readNumberToken(raw: string): NumberToken {
  const text = raw.trim();
  const m = NUMBER_RE.exec(text);
  if (m) {
    const digits = (m[2] ?? '').replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
    const value = Number(digits) * (m[1] === '' || m[1] === '+' ? 1 : -1);
    if (!Number.isFinite(value)) return { kind: 'not-number' };
    const unit = m[3] === undefined ? null : (UNITS[m[3].toLowerCase()] ?? null);
    // -0 is 0: a stored "-0" would differ from "0" in every comparison that looks at the sign.
    return { kind: 'number', value: value === 0 ? 0 : value, unit };
  }
  // Whitespace inside what would otherwise be a number: name it as such, so the message can say where the gap is.
  const parts = text.split(/\s+/);
  if (parts.length > 1 && NUMBER_RE.test(parts.join(''))) return { kind: 'split', parts };
  return { kind: 'not-number' };
}
