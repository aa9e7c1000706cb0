import { describe, expect, it } from 'vitest';
import { formatFetchedAt } from './clock.js';
import { classifyError } from './load-error.js';
import { filterByForecast, filterCards, forecastCounts, forecastFilter, groupCards, splitByAge, statusFilter } from '../overview/overview-groups.js';

describe('groupCards', () => {
  it('orders groups as the reports do and keeps the order within a group', () => {
    const cards = [
      { kpi: 'hme', group: 'medarbetarengagemang' },
      { kpi: 'placeringskostnad', group: 'ekonomi' },
      { kpi: 'hushall-utbetalt', group: 'ekonomiskt-bistand' },
      { kpi: 'nytt', group: 'okand-grupp' },
      { kpi: 'utbetalt-forsorjningsstod', group: 'ekonomiskt-bistand' },
      { kpi: 'sjukfranvaro', group: 'personal' },
    ];
    const groups = groupCards(cards);
    expect(groups.map((g) => g.id)).toEqual(['ekonomiskt-bistand', 'personal', 'medarbetarengagemang', 'ekonomi', 'okand-grupp']);
    expect(groups[0]?.cards.map((c) => c.kpi)).toEqual(['hushall-utbetalt', 'utbetalt-forsorjningsstod']);
    expect(groupCards([])).toEqual([]);
  });
});

describe('the status filter of the overview', () => {
  it('reads only a known status from the URL and keeps just those cards', () => {
    expect(statusFilter('red')).toBe('red');
    expect(statusFilter('rod')).toBeNull();
    expect(statusFilter(['red'])).toBeNull();
    const cards = [
      { kpi: 'a', status: 'red' as const },
      { kpi: 'b', status: 'green' as const },
      { kpi: 'c', status: 'red' as const },
    ];
    expect(filterCards(cards, 'red').map((c) => c.kpi)).toEqual(['a', 'c']);
    expect(filterCards(cards, null).map((c) => c.kpi)).toEqual(['a', 'b', 'c']);
    expect(filterCards(cards, 'yellow')).toEqual([]);
  });
});

describe('old measurements and the prognos filter', () => {
  it('folds away cards measured more than a year before the period, whatever the period kind, and keeps a yearly KPI’s last year', () => {
    const cards = [
      { kpi: 'now', period: '2022-12' },
      { kpi: 'april', period: '2022-04' },
      { kpi: 'survey-last-year', period: '2021' },
      { kpi: 'beslut-2018', period: '2018-02' },
      { kpi: 'kvalitet-2017', period: '2017' },
      { kpi: 'tertial-2021', period: '2021-T2' },
    ];
    const { current, old } = splitByAge(cards, '2022-12');
    expect(current.map((c) => c.kpi)).toEqual(['now', 'april', 'survey-last-year']);
    expect(old.map((c) => c.kpi)).toEqual(['beslut-2018', 'kvalitet-2017', 'tertial-2021']);
    // Against a tertial the period's last month counts: T1 2022 ends in April, so T2 2021 (ends August 2021) is current.
    expect(splitByAge(cards, '2022-T1').old.map((c) => c.kpi)).toEqual(['beslut-2018', 'kvalitet-2017']);
  });
  it('reads the prognos filter from the URL, keeps those cards and counts each judged prognos', () => {
    expect(forecastFilter('red')).toBe('red');
    expect(forecastFilter('none')).toBeNull();
    expect(forecastFilter(['red'])).toBeNull();
    const cards = [
      { kpi: 'a', forecastStatus: 'red' as const },
      { kpi: 'b', forecastStatus: 'none' as const },
      { kpi: 'c', forecastStatus: 'red' as const },
      { kpi: 'd', forecastStatus: 'yellow' as const },
    ];
    expect(filterByForecast(cards, 'red').map((c) => c.kpi)).toEqual(['a', 'c']);
    expect(filterByForecast(cards, null)).toHaveLength(4);
    expect(forecastCounts(cards)).toEqual({ green: 0, yellow: 1, red: 2 });
  });
});

describe('formatFetchedAt', () => {
  it('gives the time the same day and the date as well on another day', () => {
    const now = new Date(2024, 10, 22, 16, 0);
    expect(formatFetchedAt(new Date(2024, 10, 22, 5, 7), now)).toBe('05:07');
    expect(formatFetchedAt(new Date(2024, 10, 21, 23, 59), now)).toBe('2024-11-21 23:59');
  });
});

describe('classifyError', () => {
  it('treats no answer and server errors as offline, to be retried, and tells the two apart', () => {
    const network = { kind: 'offline', cause: 'network' };
    const server = { kind: 'offline', cause: 'server' };
    expect(classifyError(new TypeError('Failed to fetch'))).toEqual(network);
    expect(classifyError(Object.assign(new Error('Failed to fetch'), { cause: new TypeError('Failed to fetch') }))).toEqual(network);
    expect(classifyError(null)).toEqual(network);
    expect(classifyError({ message: 'Bad Gateway', data: { httpStatus: 502 } })).toEqual(server);
    expect(classifyError({ message: 'Too many', data: { httpStatus: 429 } })).toEqual(server);
    // tRPC's INTERNAL_SERVER_ERROR, with or without its status; a 500 seen only on the response; a body that is no JSON.
    expect(classifyError({ message: 'Internal server error', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } })).toEqual(server);
    expect(classifyError({ message: 'Internal server error', data: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual(server);
    expect(classifyError({ message: 'x', data: undefined, meta: { response: { status: 503 } } })).toEqual(server);
    expect(classifyError(Object.assign(new Error('Unexpected token'), { cause: new SyntaxError('Unexpected token <') }))).toEqual(server);
  });
  it("passes the server's own words on for a question it cannot answer", () => {
    expect(classifyError({ message: 'Enheten "XYZ" finns inte.', data: { httpStatus: 404, zod: null } })).toEqual({
      kind: 'request',
      status: 404,
      message: 'Enheten "XYZ" finns inte.',
    });
    expect(classifyError({ message: '[{"code":"too_big"}]', data: { httpStatus: 400, zod: [{ code: 'too_big' }] } })).toEqual({
      kind: 'request',
      status: 400,
      message: null,
    });
  });
});
