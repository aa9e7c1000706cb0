import { formatPeriod, parsePeriod } from '@lagesbild/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** The active language as the domain's formatters take it, and a period key in words in it ("dec 2022", "Dec 2022"). */
export function usePeriodText() {
  const { locale } = useI18n();
  const lang = computed<'sv' | 'en'>(() => (locale.value === 'en' ? 'en' : 'sv'));
  const periodText = (key: string): string => formatPeriod(parsePeriod(key), lang.value);
  return { lang, periodText };
}
