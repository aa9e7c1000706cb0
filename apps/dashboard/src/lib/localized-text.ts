/** A free text stored in Swedish, with the language it is shown in when that differs from the page's. */
export interface LocalizedText {
  text: string;
  /** 'sv' when Swedish text stands on an English page (for screen readers and translation); else undefined. */
  lang: 'sv' | undefined;
}

/**
 * A text the server stores per item in Swedish with an optional English
 * version (a KPI's description and source): the English one on an English
 * page, else the Swedish one, marked as Swedish where the page is not.
 */
export function localizedText(sv: string, en: string | null | undefined, locale: string): LocalizedText {
  if (locale !== 'en') return { text: sv, lang: undefined };
  return en ? { text: en, lang: undefined } : { text: sv, lang: 'sv' };
}

/** The lang attribute of a text the server sends only in Swedish (a Kolada note, a comment): set on an English page. */
export const swedishLang = (locale: string): 'sv' | undefined => (locale === 'en' ? 'sv' : undefined);
