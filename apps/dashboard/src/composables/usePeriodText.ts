import { formatPeriod, parsePeriod } from '@lagesbild/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** The active language as the domain's formatters take it, a period key in words in it ("dec 2022", "Dec 2022"), and a value's measurement window. */
export function usePeriodText() {
  const { locale } = useI18n();
  const lang = computed<'sv' | 'en'>(() => (locale.value === 'en' ? 'en' : 'sv'));
  const periodText = (key: string): string => formatPeriod(parsePeriod(key), lang.value);
  /** The window a value is measured over ("1/12 2019–30/6 2020") where it is not the period asked for, else null. */
  const windowText = (v: { period: string; window: { period: string; label: string; labelEn: string } }): string | null =>
    v.window.period === v.period ? null : lang.value === 'en' ? v.window.labelEn : v.window.label;
  return { lang, periodText, windowText };
}
