import type { HiddenReason } from '@lagesbild/domain';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Anything the server sends a value with: its Swedish display and, when hidden, why. */
export interface Displayed {
  display: string;
  hidden?: HiddenReason | null;
}

/**
 * The words for a hidden value in the reader's language, from the server's
 * structured reason: "färre än 5 hushåll", "högst 10 anställda", "..". A
 * shown value keeps the server's display.
 */
export function shownText(v: Displayed, t: Translate): string {
  const h = v.hidden;
  if (!h) return v.display;
  if (h.mark === 'secondary') return t('hidden.secondary');
  if (h.mark === 'unheld') return t('hidden.unheld');
  const noun = t(`hidden.${h.noun ?? 'persons'}`);
  return t(h.noun === 'employees' ? 'hidden.primaryAtMost' : 'hidden.primary', { threshold: h.threshold, noun });
}

/** Whether a value is hidden to protect individuals (never recognised by its text). */
export const isHidden = (v: Pick<Displayed, 'hidden'>): boolean => v.hidden !== null && v.hidden !== undefined;

/**
 * What a reader sees of a value and its status, to tell whether an update
 * changed it. A hidden value keeps its display ("..") while its reason may
 * change (the release withholds a different way), and the words on screen
 * come from the reason, so the reason is part of what changed.
 */
export const shownKey = (v: Displayed & { status?: string }): string => `${v.display}|${v.hidden ? JSON.stringify(v.hidden) : ''}|${v.status ?? ''}`;
