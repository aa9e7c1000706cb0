import { describe, expect, it } from 'vitest';
import { i18n, loadLocale, setLocale } from './index.js';

describe('the English catalogue is loaded on demand', () => {
  it('the Swedish app instance has no English messages until loadLocale("en"), and has them after', async () => {
    expect(i18n.global.locale.value).toBe('sv');
    expect(i18n.global.getLocaleMessage('en')).toEqual({});
    expect(i18n.global.availableLocales).not.toContain('en');

    await loadLocale('en');
    expect(i18n.global.getLocaleMessage('en').wall.slideOf).toBe('Slide {n} of {total}');
    expect(i18n.global.availableLocales).toContain('en');
    // Loading does not switch: the app stays Swedish until the user chooses English.
    expect(i18n.global.t('wall.slideOf', { n: 1, total: 2 })).toBe('Bild 1 av 2');
  });

  it('setLocale("en") switches to English with its messages, and back', async () => {
    await setLocale('en');
    expect(i18n.global.locale.value).toBe('en');
    expect(i18n.global.t('wall.slideOf', { n: 1, total: 2 })).toBe('Slide 1 of 2');
    await setLocale('sv');
    expect(i18n.global.locale.value).toBe('sv');
  });
});
