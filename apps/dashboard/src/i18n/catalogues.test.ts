import { describe, expect, it } from 'vitest';
import { useI18n } from 'vue-i18n';
import { enMessages } from './en-catalogue.js';
import { svMessages, type AppLocale, type Messages } from './index.js';

const messages: Record<AppLocale, Messages> = { sv: svMessages, en: enMessages };

/** Every message's dotted path, e.g. 'wall.slideOf'. */
function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

/** Keys Swedish has and the other lacks, and keys only the other has. */
function difference(other: object): { missing: string[]; extra: string[] } {
  const sv = new Set(keys(messages.sv));
  const theirs = new Set(keys(other));
  return { missing: [...sv].filter((k) => !theirs.has(k)), extra: [...theirs].filter((k) => !sv.has(k)) };
}

describe('the i18n catalogues', () => {
  it('English has exactly the Swedish keys, every message a non-empty text', () => {
    expect(difference(messages.en)).toEqual({ missing: [], extra: [] });
    const leaves = (c: object): unknown[] => Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
    for (const m of [...leaves(messages.sv), ...leaves(messages.en)]) expect(m).toMatch(/\S/);
  });

  it('the wall and live-update texts are in the catalogue, in both languages', () => {
    expect(keys(messages.sv)).toEqual(expect.arrayContaining(['live.changed', 'wall.slideOf', 'wall.redlistNone']));
    expect(messages.en.wall.slideOf).toBe('Slide {n} of {total}');
  });

  it('a missing or extra English key is reported', () => {
    const { wall, ...rest } = messages.en;
    const { suppressed: _dropped, ...wallWithoutOne } = wall;
    const broken = { ...rest, wall: { ...wallWithoutOne, surplus: 'x' } };
    expect(difference(broken)).toEqual({ missing: ['wall.suppressed'], extra: ['wall.surplus'] });
  });

  it('the typecheck refuses a missing English key and an unknown key in t() (vue-tsc checks the lines below)', () => {
    const { suppressed: _dropped, ...wall } = messages.en.wall;
    // @ts-expect-error wall.suppressed is missing
    const incomplete: Messages = { ...messages.en, wall };
    expect(incomplete.wall).not.toHaveProperty('suppressed');
    // Only typechecked, never called: useI18n needs a component.
    const typeOnly = (period: 'month' | 'year', dynamic: string) => {
      const { t } = useI18n();
      // @ts-expect-error no such key (a typo of app.title)
      t('app.titel');
      // @ts-expect-error period.week is not in the catalogue
      t(`period.${period === 'month' ? 'month' : 'week'}`);
      return [t('app.title'), t(`period.${period}`), t('wall.slideOf', { n: 1, total: 2 }), t(`groups.${dynamic}`)];
    };
    expect(typeof typeOnly).toBe('function');
  });
});
