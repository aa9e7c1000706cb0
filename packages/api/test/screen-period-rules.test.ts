import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/**
 * A board's period rules on the server (board-period.ts): "hittills i år" and
 * "innevarande tertial" follow the newest month with data, and a screen may
 * read exactly the period each rule resolves to, nothing else.
 */
describe("a wall screen's period rules (demo data, PGlite)", () => {
  const demo = demoCallers();

  it('saves the rules, tells the screen today’s month, and allows exactly the resolved periods', async () => {
    const slides = [
      { kind: 'redlist' as const, unit: 'SOC', period: 'ytd', seconds: 20 },
      { kind: 'overview' as const, unit: 'SOC', period: 'tertial', seconds: 20 },
    ];
    await expect(demo.admin().board.save({ name: 'Regler', slides })).resolves.toMatchObject({ id: expect.any(Number) });
    await expect(demo.admin().board.save({ name: 'Fel', slides: [{ ...slides[0], period: 'senaste' }] as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const { caller: screen } = await demo.screen('regler', slides);
    const { latestMonth, today } = await screen.board.forDevice();
    expect(latestMonth).toBe('2022-12');
    expect(today).toMatch(/^\d{4}-\d{2}$/);
    const ytd = await screen.overview.get({ unit: 'SOC', period: '2022-12-YTD' });
    expect(ytd.periodLabel).toBe('jan–dec 2022');
    expect(ytd.cards.some((c) => c.value !== null)).toBe(true);
    await expect(screen.overview.get({ unit: 'SOC', period: '2022-T3' })).resolves.toMatchObject({ period: '2022-T3' });
    // Another tertial, the month itself or "latest" are not what the board shows.
    await expect(screen.overview.get({ unit: 'SOC', period: '2022-T2' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen.overview.get({ unit: 'SOC', period: '2022-12' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen.overview.get({ unit: 'SOC', period: '2022-11-YTD' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe("a closed unit's latest month (demo data, PGlite)", () => {
  const demo = demoCallers();

  it('is its last month, so the overview opens on its data and never offers a month it has none in', async () => {
    // The myndighetsavdelning ends in May 2019 (002 l.190): its last month is April 2019.
    const opened = await demo.admin().overview.get({ unit: 'MYN' });
    expect(opened.period).toBe('2019-04');
    expect(opened.latestMonth).toBe('2019-04');
    expect(opened.cards.some((c) => c.value !== null)).toBe(true);
    const later = await demo.admin().overview.get({ unit: 'MYN', period: '2020-01' });
    expect(later.latestMonth).toBe('2019-04');
    // An open unit keeps the organisation's latest month.
    expect((await demo.admin().overview.get({ unit: 'SOC', period: '2020-01' })).latestMonth).toBe('2022-12');
  });
});
