import { useI18n } from 'vue-i18n';
import { usePeriodText } from '../composables/usePeriodText.js';
import { deviationText, targetText, valueText, type CardFigures } from '../overview/card-text.js';

/**
 * A wall card's or red-list row's words, as the overview's cards write them
 * (one set of formatters): the name in the reader's language, the value, the
 * target or budget, the deviation from it, and the month it was measured in
 * when that is not the slide's own.
 */
export function useWallCardText() {
  const { t } = useI18n();
  const { lang, periodText } = usePeriodText();
  return {
    name: (c: { name: string; nameEn: string }) => (lang.value === 'en' ? c.nameEn : c.name),
    value: (c: CardFigures) => valueText(c, lang.value, t),
    target: (c: CardFigures) => targetText(c, lang.value, t),
    deviation: (c: CardFigures) => deviationText(c, lang.value, t),
    asOf: (c: { period: string }, slidePeriod: string) => (c.period === slidePeriod ? null : t('wall.asOf', { period: periodText(c.period) })),
  };
}
