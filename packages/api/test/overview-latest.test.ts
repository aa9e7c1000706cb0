import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * A partial import of a new month (money paid in January 2022, households not
 * yet): "the latest month" must not turn the households grey. Each KPI is shown
 * at its own newest month, and says which.
 */
describe.each(TEST_DB_KINDS)('the latest month after a partial import, on %s', (kind) => {
  const { caller } = useFixture(kind, async () => undefined);
  const admin = () => caller(user('admin', ['admin']));
  const chef = () => caller(user('chefen', ['forvaltningschef']));
  const manager = () => caller(user('eva', ['enhetschef']), { kind: 'units', units: ['C'] });

  it('shows every KPI at its own newest month with eachAtLatest, and only the new month without it', async () => {
    await admin().import.commit({ fileName: 'januari.csv', contentBase64: b64('kpi,unit,period,gender,value\nkr,B,2022-01,T,1500\n'), confirmWarnings: true });
    const plain = await chef().overview.get({ unit: 'SOC' });
    expect(plain.period).toBe('2022-01');
    const card = (o: typeof plain, kpi: string) => o.cards.find((c) => c.kpi === kpi);
    expect(card(plain, 'hh')).toMatchObject({ period: '2022-01', value: null, monthsWithData: 0 });

    const latest = await chef().overview.get({ unit: 'SOC', eachAtLatest: true });
    expect(latest.period).toBe('2022-01');
    expect(card(latest, 'kr')).toMatchObject({ period: '2022-01', value: 1500 });
    // Households were last reported in December 2021: 10 per enhet, B and C.
    expect(card(latest, 'hh')).toMatchObject({ period: '2021-12', periodLabel: 'dec 2021', value: 20 });
    // The ratio needs both parts: its newest month is the older one's.
    expect(card(latest, 'kr-per-hh')).toMatchObject({ period: '2021-12' });
    expect(latest.cards.map((c) => c.kpi)).toEqual(plain.cards.map((c) => c.kpi));

    // An older month asked for is shown as it was, flag or not.
    expect(card(await chef().overview.get({ unit: 'SOC', period: '2021-06', eachAtLatest: true }), 'hh')).toMatchObject({ period: '2021-06' });
  });

  it('takes a scoped caller’s months from her own units only', async () => {
    // Enhet C had no January import: its latest month is December, and both KPIs are shown there.
    const mine = await manager().overview.get({ unit: 'C', eachAtLatest: true });
    expect(mine.period).toBe('2021-12');
    expect(mine.cards.filter((c) => c.kpi !== 'kr-per-hh').map((c) => [c.kpi, c.period])).toEqual([
      ['hh', '2021-12'],
      ['kr', '2021-12'],
    ]);
  });
});
