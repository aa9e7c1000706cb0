import { describe, expect, it } from 'vitest';
import { localizedText, swedishLang } from './localized-text.js';

describe('a stored free text in the reader’s language', () => {
  it('shows Swedish on a Swedish page, unmarked, even where English exists', () => {
    expect(localizedText('Hushåll per månad', 'Households per month', 'sv')).toEqual({ text: 'Hushåll per månad', lang: undefined });
  });

  it('shows English on an English page where it is written', () => {
    expect(localizedText('Hushåll per månad', 'Households per month', 'en')).toEqual({ text: 'Households per month', lang: undefined });
  });

  it('falls back to the Swedish text marked lang="sv" where no English is written', () => {
    expect(localizedText('Hushåll per månad', null, 'en')).toEqual({ text: 'Hushåll per månad', lang: 'sv' });
    expect(localizedText('Hushåll per månad', '', 'en')).toEqual({ text: 'Hushåll per månad', lang: 'sv' });
    expect(swedishLang('en')).toBe('sv');
    expect(swedishLang('sv')).toBeUndefined();
  });
});
