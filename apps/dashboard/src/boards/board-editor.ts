import { BOARD_PERIOD_RULES, isBoardPeriodRule, parsePeriod, periodKey, type BoardPeriodRule } from '@lagesbild/domain';

/**
 * The board editor's logic, pure so it is tested without a browser: slides are
 * edited as typed strings (a half-typed number is not lost), moved and removed
 * by index, and checked against the same limits as board.save on the server.
 */

export type SlideKind = 'overview' | 'chart' | 'drilldown' | 'redlist';
export const SLIDE_KINDS: readonly SlideKind[] = ['overview', 'chart', 'drilldown', 'redlist'];

export const MIN_SECONDS = 5;
export const MAX_SECONDS = 600;
export const MAX_SLIDES = 30;
const MAX_NAME = 100;
const DEFAULT_SECONDS = 20;

/** A slide as board.save takes it. */
export interface BoardSlide {
  kind: SlideKind;
  unit: string;
  kpi?: string;
  period: string;
  seconds: number;
}

/** A slide's period: one of the rules that follow the data (latest month, year to date, current tertial) or a fixed period. */
export type PeriodMode = BoardPeriodRule | 'fixed';
export const PERIOD_MODES: readonly PeriodMode[] = [...BOARD_PERIOD_RULES, 'fixed'];

/** A slide being edited. `key` follows the slide when it moves, so the list keeps focus and state on it. */
export interface DraftSlide {
  key: number;
  kind: SlideKind;
  unit: string;
  kpi: string;
  periodMode: PeriodMode;
  period: string;
  seconds: string;
}

export interface DraftBoard {
  id?: number;
  name: string;
  slides: DraftSlide[];
}

export type SlideField = 'unit' | 'kpi' | 'period' | 'seconds';
type SlideError = 'unitMissing' | 'kpiMissing' | 'periodInvalid' | 'secondsRange';
export type SlideErrors = Partial<Record<SlideField, SlideError>>;
export interface BoardErrors {
  name?: 'nameMissing' | 'nameTooLong';
  slides: SlideErrors[];
  list?: 'noSlides' | 'tooMany';
}

/** Chart and drill-down slides show one KPI; overview and red-list show them all. */
export const needsKpi = (kind: SlideKind): boolean => kind === 'chart' || kind === 'drilldown';

/** The list with the item at `from` moved to `to`; out of range leaves it as it was. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return copy;
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** The list with `item` at position `at` (clamped to the ends). */
export function insertItem<T>(list: readonly T[], at: number, item: T): T[] {
  const copy = [...list];
  copy.splice(Math.max(0, Math.min(at, list.length)), 0, item);
  return copy;
}

export function removeItem<T>(list: readonly T[], at: number): T[] {
  return list.filter((_, i) => i !== at);
}

/** A new slide on the given unit, showing the latest month for the default time. */
export function newDraftSlide(key: number, unit: string, kind: SlideKind = 'overview'): DraftSlide {
  return { key, kind, unit, kpi: '', periodMode: 'latest', period: '', seconds: String(DEFAULT_SECONDS) };
}

export function toDraftSlide(slide: BoardSlide, key: number): DraftSlide {
  const rule = isBoardPeriodRule(slide.period) ? slide.period : null;
  return {
    key,
    kind: slide.kind,
    unit: slide.unit,
    kpi: slide.kpi ?? '',
    periodMode: rule ?? 'fixed',
    period: rule ? '' : slide.period,
    seconds: String(slide.seconds),
  };
}

/** A period as the server stores it (canonical key), or null when it is not one. */
export function normalisePeriod(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    return periodKey(parsePeriod(text));
  } catch {
    return null;
  }
}

/** Whole seconds within the limits, or null. */
export function parseSeconds(input: string): number | null {
  const text = input.trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_SECONDS && n <= MAX_SECONDS ? n : null;
}

export function validateSlide(s: DraftSlide): SlideErrors {
  const errors: SlideErrors = {};
  if (!s.unit) errors.unit = 'unitMissing';
  if (needsKpi(s.kind) && !s.kpi) errors.kpi = 'kpiMissing';
  if (s.periodMode === 'fixed' && normalisePeriod(s.period) === null) errors.period = 'periodInvalid';
  if (parseSeconds(s.seconds) === null) errors.seconds = 'secondsRange';
  return errors;
}

export function validateBoard(b: DraftBoard): BoardErrors {
  const errors: BoardErrors = { slides: b.slides.map(validateSlide) };
  const name = b.name.trim();
  if (!name) errors.name = 'nameMissing';
  else if (name.length > MAX_NAME) errors.name = 'nameTooLong';
  if (b.slides.length === 0) errors.list = 'noSlides';
  else if (b.slides.length > MAX_SLIDES) errors.list = 'tooMany';
  return errors;
}

export const hasErrors = (e: BoardErrors): boolean => e.name !== undefined || e.list !== undefined || e.slides.some((s) => Object.keys(s).length > 0);

/** The board as board.save takes it, or the errors that stop it. KPIs are dropped where the slide does not use one. */
export function toBoardInput(b: DraftBoard): { ok: true; input: { id?: number; name: string; slides: BoardSlide[] } } | { ok: false; errors: BoardErrors } {
  const errors = validateBoard(b);
  if (hasErrors(errors)) return { ok: false, errors };
  const slides = b.slides.map((s): BoardSlide => {
    const base = {
      kind: s.kind,
      unit: s.unit,
      period: s.periodMode === 'fixed' ? (normalisePeriod(s.period) ?? '') : s.periodMode,
      seconds: parseSeconds(s.seconds) ?? DEFAULT_SECONDS,
    };
    return needsKpi(s.kind) ? { ...base, kpi: s.kpi } : base;
  });
  return { ok: true, input: { ...(b.id === undefined ? {} : { id: b.id }), name: b.name.trim(), slides } };
}

/** The address a wall screen opens: the token is its only credential, so it is shown once. */
export function wallUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/skarm/${encodeURIComponent(token)}`;
}
