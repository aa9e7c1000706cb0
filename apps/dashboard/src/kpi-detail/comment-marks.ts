import { containsMonth, type Period } from '@lagesbild/domain';
import { tryParsePeriod } from '../lib/period-nav.js';

/** A comment's mark on the chart: the category it stands at, the newest comment's first line, and how many more there are. */
export interface CommentMark {
  index: number;
  /** The period the comments were written for, as the chart names it ("T1 2022"). */
  label: string;
  firstLine: string;
  more: number;
}

/** The first non-empty line of a comment, as the tooltip shows it. */
export function firstLine(body: string): string {
  return (
    body
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

/**
 * Where the comments stand on a chart whose categories are these periods
 * (point.period keys): at the category holding the last month of the
 * comment's period (a tertial's comment on a monthly chart at its fourth
 * month). Comments are newest first (as comment.list gives them); a category
 * with several shows the newest and counts the rest. Comments outside the
 * chart are left out.
 */
export function commentMarks(comments: readonly { period: string; body: string }[], categories: readonly string[], labelOf: (p: Period) => string): CommentMark[] {
  const periods = categories.map(tryParsePeriod);
  const marks = new Map<number, CommentMark>();
  for (const c of comments) {
    const p = tryParsePeriod(c.period);
    if (!p) continue;
    const index = periods.findIndex((cat) => cat !== null && containsMonth(cat, p.end));
    if (index < 0) continue;
    const seen = marks.get(index);
    if (seen) seen.more++;
    else marks.set(index, { index, label: labelOf(p), firstLine: firstLine(c.body), more: 0 });
  }
  return [...marks.values()].sort((a, b) => a.index - b.index);
}
