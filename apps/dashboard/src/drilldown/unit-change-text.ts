import type { UnitChange } from '@lagesbild/domain';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** A reorganisation in the reader's language, from the server's structured event ("Flyttad från A1 till A2 2021-06"). */
export function unitChangeText(c: UnitChange, t: Translate): string {
  if (c.kind === 'closed') return t('drill.change.closed', { month: c.month });
  return t(`drill.change.${c.kind}`, { from: c.from, to: c.to, month: c.month });
}
