import { describe, expect, it } from 'vitest';
import { enMessages } from '../i18n/en-catalogue.js';
import { createAppI18n } from '../i18n/index.js';
import { sparklinePath } from '../ui/sparkline-path.js';
import { changeText, deviationOf, deviationText, signedAmount, targetText, valueText, type CardFigures } from './card-text.js';
import { attentionRank, cardOrder, sortByAttention } from './overview-groups.js';

const translate = (locale: 'sv' | 'en') => {
  const i18n = createAppI18n(locale, enMessages);
  return (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});
};
const sv = translate('sv');
const en = translate('en');

// Sick leave 6,7 % against the mål ≤ 6,0 %; placement costs 45 000 tkr against a budget of 41 005 tkr.
const sick: CardFigures = { value: 6.7, target: 6, measureUnit: 'percent', decimals: 1, direction: 'lower', targetKind: 'target', display: '6,7 %', hidden: null };
const cost: CardFigures = { value: 45_000, target: 41_005, measureUnit: 'tkr', decimals: 0, direction: 'lower', targetKind: 'budget', display: '45 000 tkr', hidden: null };

describe('card words', () => {
  it('writes the deviation from a mål as value minus mål, in percentage points for a percentage', () => {
    expect(deviationOf(sick)).toBeCloseTo(0.7);
    expect(deviationText(sick, 'sv', sv)).toBe('+0,7 procentenheter mot mål');
    expect(deviationText(sick, 'en', en)).toBe('+0.7 percentage points vs target');
    expect(deviationText({ ...sick, value: 5.2 }, 'sv', sv)).toBe('−0,8 procentenheter mot mål');
  });
  it('writes the deviation from a budget as the reports do: negative over budget', () => {
    expect(deviationText(cost, 'sv', sv)).toBe('−3 995 tkr mot budget');
    expect(deviationText({ ...cost, value: 40_000 }, 'sv', sv)).toBe('+1 005 tkr mot budget');
    // Income against a budget: more is better, so above it is positive.
    expect(deviationOf({ ...cost, direction: 'higher' })).toBe(3995);
  });
  it('has no deviation without a target or a value, or for a hidden value', () => {
    expect(deviationText({ ...sick, target: null }, 'sv', sv)).toBeNull();
    expect(deviationText({ ...sick, value: null }, 'sv', sv)).toBeNull();
    expect(deviationText({ ...sick, value: null, hidden: { mark: 'secondary', noun: null, threshold: 5 } }, 'sv', sv)).toBeNull();
  });
  it('drops the sign of what rounds to zero, and writes a real minus', () => {
    expect(signedAmount(0.04, sick, 'sv', sv)).toBe('0,0 procentenheter');
    expect(signedAmount(-12, { measureUnit: 'count', decimals: 0 }, 'sv', sv)).toBe('−12');
  });
  it('writes value and target in the reader’s language, with the target’s kind', () => {
    expect(valueText(sick, 'en', en)).toBe('6.7 %');
    expect(valueText({ ...sick, value: null }, 'sv', sv)).toBe('Inga data');
    expect(targetText(sick, 'sv', sv)).toBe('Mål: 6,0 %');
    expect(targetText(sick, 'en', en)).toBe('Target: 6.0 %');
    expect(targetText(cost, 'sv', sv)).toBe('Budget: 41 005 tkr');
    expect(targetText({ ...cost, target: null }, 'sv', sv)).toBe('Inget mål');
  });
  it('writes the change against last year, in points for a percentage', () => {
    const change = { absolute: 0.5, percent: 8.1, lastYear: { period: '2021-T1' } };
    expect(changeText({ ...sick, change }, 'sv', sv)).toBe('+0,5 procentenheter mot T1 2021');
    expect(changeText({ ...cost, change: { absolute: -2500, percent: -5.26, lastYear: { period: '2021' } } }, 'en', en)).toBe('−2,500 tkr (−5.3 %) vs 2021');
    expect(changeText({ ...cost, change: { absolute: null, percent: null, lastYear: { period: '2021' } } }, 'sv', sv)).toBeNull();
  });
});

describe('needs attention first', () => {
  const c = (kpi: string, status: 'green' | 'yellow' | 'red' | 'none', forecastStatus: 'green' | 'yellow' | 'red' | 'none') => ({ kpi, status, forecastStatus });
  it('puts red first, then what heads for red, then yellow, heading for yellow, green, and unassessed last', () => {
    const cards = [
      c('a', 'green', 'green'),
      c('b', 'none', 'none'),
      c('c', 'yellow', 'green'),
      c('d', 'green', 'red'),
      c('e', 'red', 'red'),
      c('f', 'green', 'yellow'),
      c('g', 'red', 'green'),
    ];
    expect(sortByAttention(cards).map((x) => x.kpi)).toEqual(['e', 'g', 'd', 'c', 'f', 'a', 'b']);
    expect(attentionRank(c('x', 'yellow', 'red'))).toBe(1);
  });
  it('keeps the server’s order within a rank and reads the order from the URL', () => {
    expect(sortByAttention([c('b', 'red', 'none'), c('a', 'red', 'none')]).map((x) => x.kpi)).toEqual(['b', 'a']);
    expect(cardOrder('uppmarksamhet')).toBe('attention');
    expect(cardOrder(undefined)).toBe('group');
    expect(cardOrder(['uppmarksamhet'])).toBe('group');
  });
});

describe('sparkline path', () => {
  it('runs from left to right, lowest value at the bottom, highest at the top', () => {
    expect(sparklinePath([1, 3, 2], 100, 20, 0)).toEqual({ d: 'M0,20L50,0L100,10', last: { x: 100, y: 10 } });
  });
  it('breaks the line at a month without a value, and keeps a flat series in the middle', () => {
    expect(sparklinePath([5, null, 5, 5], 30, 10, 0).d).toBe('M0,5M20,5L30,5');
    expect(sparklinePath([null, null], 30, 10).d).toBe('');
    expect(sparklinePath([], 30, 10).last).toBeNull();
    expect(sparklinePath([7], 30, 10, 0)).toEqual({ d: 'M15,5', last: { x: 15, y: 5 } });
  });
});
