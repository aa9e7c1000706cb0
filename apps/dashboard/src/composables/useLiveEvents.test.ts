import { describe, expect, it } from 'vitest';
import { eventTouches } from './useLiveEvents.js';
import { liveEvent } from '../test/fixtures.js';

const event = liveEvent;

describe('eventTouches', () => {
  const view = { unit: 'BU', kpis: ['hh'], months: ['2022-01', '2022-12'] as const };

  it('refetches for a change that names no unit, KPI or month (it may touch everything)', () => {
    expect(eventTouches(event('target.set'), view)).toBe(true);
  });

  it('skips a change outside the unit, the KPIs or the months on screen', () => {
    expect(eventTouches(event('import.committed', { affectedUnits: ['VUX'] }), view)).toBe(false);
    expect(eventTouches(event('import.committed', { affectedKpis: ['kr'] }), view)).toBe(false);
    expect(eventTouches(event('import.committed', { payload: { months: ['2021-12'] } }), view)).toBe(false);
    expect(eventTouches(event('import.committed', { affectedUnits: ['BU'], affectedKpis: ['hh'], payload: { months: ['2022-05'] } }), view)).toBe(true);
  });

  it('never refetches for a saved board: it changes no figure', () => {
    expect(eventTouches(event('board.saved', { payload: { boardId: 3 } }), view)).toBe(false);
    expect(eventTouches(event('board.saved'), {})).toBe(false);
  });

  it('never refetches figures for a goal assessed or an åtgärd, uppdrag or risk changed: they carry no KPI list, and would otherwise touch every view', () => {
    expect(eventTouches(event('goal.assessed'), {})).toBe(false);
    expect(eventTouches(event('follow_up.changed'), view)).toBe(false);
  });
});
