import { describe, expect, it } from 'vitest';
import {
  insertItem,
  moveItem,
  newDraftSlide,
  normalisePeriod,
  parseSeconds,
  removeItem,
  toBoardInput,
  toDraftSlide,
  validateBoard,
  validateSlide,
  wallUrl,
  type DraftSlide,
} from './board-editor.js';

const slide = (over: Partial<DraftSlide> = {}): DraftSlide => ({ ...newDraftSlide(1, 'SOC'), ...over });

describe('moving, inserting and removing slides', () => {
  it('moves a slide up and down without touching the others', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });
  it('leaves the list as it was past either end, and never changes its input', () => {
    const list = ['a', 'b'] as const;
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(list, 1, 2)).toEqual(['a', 'b']);
    expect(moveItem(list, 5, 0)).toEqual(['a', 'b']);
    expect(list).toEqual(['a', 'b']);
  });
  it('inserts at a position, clamped to the ends, and removes by index', () => {
    expect(insertItem(['a', 'c'], 1, 'b')).toEqual(['a', 'b', 'c']);
    expect(insertItem(['a'], 9, 'b')).toEqual(['a', 'b']);
    expect(insertItem(['a'], -3, 'b')).toEqual(['b', 'a']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(removeItem(['a'], 4)).toEqual(['a']);
  });
});

describe('checking a slide', () => {
  it('accepts a new overview slide as it is', () => {
    expect(validateSlide(slide())).toEqual({});
  });
  it('keeps display time within 5–600 whole seconds', () => {
    expect(parseSeconds('5')).toBe(5);
    expect(parseSeconds(' 600 ')).toBe(600);
    for (const bad of ['4', '601', '0', '', '12.5', '-10', 'tio', '1e2']) expect(parseSeconds(bad), bad).toBeNull();
    expect(validateSlide(slide({ seconds: '3' }))).toEqual({ seconds: 'secondsRange' });
  });
  it('asks for a KPI on chart and drill-down slides only', () => {
    expect(validateSlide(slide({ kind: 'chart' }))).toEqual({ kpi: 'kpiMissing' });
    expect(validateSlide(slide({ kind: 'drilldown' }))).toEqual({ kpi: 'kpiMissing' });
    expect(validateSlide(slide({ kind: 'redlist' }))).toEqual({});
    expect(validateSlide(slide({ kind: 'chart', kpi: 'sjukfranvaro' }))).toEqual({});
  });
  it('asks for a unit, and for a real period when the slide does not follow the latest month', () => {
    expect(validateSlide(slide({ unit: '' }))).toEqual({ unit: 'unitMissing' });
    expect(validateSlide(slide({ periodMode: 'fixed', period: '2022-T4' }))).toEqual({ period: 'periodInvalid' });
    expect(validateSlide(slide({ periodMode: 'fixed', period: '' }))).toEqual({ period: 'periodInvalid' });
    expect(validateSlide(slide({ periodMode: 'fixed', period: '2022-t1' }))).toEqual({});
  });
  it('writes periods in their canonical form', () => {
    expect(normalisePeriod(' 2022-t1 ')).toBe('2022-T1');
    expect(normalisePeriod('2022-d')).toBe('2022-D');
    expect(normalisePeriod('2022-04-ytd')).toBe('2022-04-YTD');
    expect(normalisePeriod('2022-13')).toBeNull();
  });
});

describe('a board for board.save', () => {
  it('needs a name and at least one slide', () => {
    const errors = validateBoard({ name: '  ', slides: [] });
    expect(errors.name).toBe('nameMissing');
    expect(errors.list).toBe('noSlides');
    expect(validateBoard({ name: 'x'.repeat(101), slides: [slide()] }).name).toBe('nameTooLong');
  });
  it('builds the input in slide order, dropping the KPI where the slide shows all of them', () => {
    const result = toBoardInput({
      id: 7,
      name: ' Entrén ',
      slides: [
        slide({ key: 2, kind: 'chart', kpi: 'utbetalt-forsorjningsstod', seconds: '30' }),
        slide({ key: 1, kind: 'overview', kpi: 'sjukfranvaro', periodMode: 'fixed', period: '2022-t1', seconds: '15' }),
      ],
    });
    expect(result).toEqual({
      ok: true,
      input: {
        id: 7,
        name: 'Entrén',
        slides: [
          { kind: 'chart', unit: 'SOC', kpi: 'utbetalt-forsorjningsstod', period: 'latest', seconds: 30 },
          { kind: 'overview', unit: 'SOC', period: '2022-T1', seconds: 15 },
        ],
      },
    });
  });
  it('refuses a board with a bad slide and says which slide and field', () => {
    const result = toBoardInput({ name: 'Tavla', slides: [slide(), slide({ seconds: '601' })] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.slides).toEqual([{}, { seconds: 'secondsRange' }]);
  });
  it('round-trips a saved slide through the editor', () => {
    const saved = { kind: 'drilldown' as const, unit: 'BU', kpi: 'sjukfranvaro', period: '2022', seconds: 45 };
    const back = toBoardInput({ name: 'B', slides: [toDraftSlide(saved, 1)] });
    expect(back.ok && back.input.slides).toEqual([saved]);
    expect(toDraftSlide({ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 20 }, 2)).toMatchObject({ periodMode: 'latest', period: '', kpi: '' });
  });
  it('keeps "hittills i år" and "innevarande tertial" as rules, never as a typed period', () => {
    for (const rule of ['ytd', 'tertial'] as const) {
      const saved = { kind: 'redlist' as const, unit: 'SOC', period: rule, seconds: 20 };
      const draft = toDraftSlide(saved, 1);
      expect(draft).toMatchObject({ periodMode: rule, period: '' });
      expect(validateSlide(draft)).toEqual({});
      const back = toBoardInput({ name: 'B', slides: [{ ...draft, period: '2020-T1' }] });
      expect(back.ok && back.input.slides).toEqual([saved]);
    }
  });
});

describe('the wall address', () => {
  it('is the origin, /skarm/ and the token', () => {
    expect(wallUrl('https://lagesbild.katrineholm.se', 'abc_-123')).toBe('https://lagesbild.katrineholm.se/skarm/abc_-123');
    expect(wallUrl('http://127.0.0.1:3000/', 'x/y')).toBe('http://127.0.0.1:3000/skarm/x%2Fy');
  });
});
