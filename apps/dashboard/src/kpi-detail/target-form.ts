import { formatNumber, MAX_TOLERANCE_PERCENT, parseSwedishNumber } from '@lagesbild/domain';

/** What the target form holds: text as typed, so "3 634 874" and "6,5" are kept until saved. */
export interface TargetFormState {
  annual: string;
  tolerance: string;
  toleranceKind: 'absolute' | 'percent';
  useMonthly: boolean;
  monthly: string[];
}

export interface TargetValues {
  annual: number;
  monthly: (number | null)[] | null;
  tolerance: number;
  toleranceKind: 'absolute' | 'percent';
}

/** A problem with the form: which field, and a message key with its values (texts in i18n). */
export interface FormProblem {
  field: string;
  key: 'notANumber' | 'required' | 'negative' | 'tooHigh';
  month?: number;
}

export function emptyForm(): TargetFormState {
  return { annual: '', tolerance: '0', toleranceKind: 'percent', useMonthly: false, monthly: Array.from({ length: 12 }, () => '') };
}

/** A stored target as the form shows it, in Swedish number style. */
export function formFromTarget(t: TargetValues | null): TargetFormState {
  if (!t) return emptyForm();
  const show = (v: number | null) => (v === null ? '' : formatNumber(v, Number.isInteger(v) ? 0 : 2));
  return {
    annual: show(t.annual),
    tolerance: show(t.tolerance),
    toleranceKind: t.toleranceKind,
    useMonthly: t.monthly !== null,
    monthly: t.monthly ? t.monthly.map(show) : emptyForm().monthly,
  };
}

/** The form's values for target.set, or every problem found (the server checks again). */
export function readTargetForm(f: TargetFormState): { values: TargetValues | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const annual = f.annual.trim() === '' ? null : parseSwedishNumber(f.annual);
  if (f.annual.trim() === '') problems.push({ field: 'annual', key: 'required' });
  else if (annual === null) problems.push({ field: 'annual', key: 'notANumber' });
  const tolerance = f.tolerance.trim() === '' ? 0 : parseSwedishNumber(f.tolerance);
  if (tolerance === null) problems.push({ field: 'tolerance', key: 'notANumber' });
  else if (tolerance < 0) problems.push({ field: 'tolerance', key: 'negative' });
  else if (f.toleranceKind === 'percent' && tolerance > MAX_TOLERANCE_PERCENT) problems.push({ field: 'tolerance', key: 'tooHigh' });
  let monthly: (number | null)[] | null = null;
  if (f.useMonthly) {
    monthly = f.monthly.map((raw, i) => {
      if (raw.trim() === '') return null;
      const v = parseSwedishNumber(raw);
      if (v === null) problems.push({ field: `month-${i + 1}`, key: 'notANumber', month: i + 1 });
      return v;
    });
  }
  if (problems.length > 0 || annual === null || tolerance === null) return { values: null, problems };
  return { values: { annual, monthly, tolerance, toleranceKind: f.toleranceKind }, problems };
}

/** Twelve monthly budgets that add up to the annual target would be typed twice: offer the sum. */
export function monthlySum(f: TargetFormState): number | null {
  let sum = 0;
  for (const raw of f.monthly) {
    if (raw.trim() === '') continue;
    const v = parseSwedishNumber(raw);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}
