import { KPI_GROUPS, monthIndex, parsePeriod, type Status } from '@lagesbild/domain';

export interface CardGroup<T> {
  id: string;
  cards: T[];
}

/**
 * Cards grouped by KPI group in the reports' order (KPI_GROUPS); a group the
 * dashboard does not know yet comes last rather than disappearing. Within a
 * group the server's order is kept. Empty groups are left out.
 */
export function groupCards<T extends { group: string }>(cards: readonly T[]): CardGroup<T>[] {
  const byGroup = new Map<string, T[]>();
  for (const c of cards) {
    const list = byGroup.get(c.group);
    if (list) list.push(c);
    else byGroup.set(c.group, [c]);
  }
  const known = KPI_GROUPS.filter((g) => byGroup.has(g));
  const unknown = [...byGroup.keys()].filter((g) => !(KPI_GROUPS as readonly string[]).includes(g));
  return [...known, ...unknown].map((id) => ({ id, cards: byGroup.get(id) ?? [] }));
}

const STATUSES: readonly string[] = ['green', 'yellow', 'red', 'none'];

/** The status filter of the URL (?status=red); anything else means no filter. */
export function statusFilter(raw: unknown): Status | null {
  return typeof raw === 'string' && STATUSES.includes(raw) ? (raw as Status) : null;
}

/** Only the cards with that status (all without a filter), so "which KPIs are red" is one click. */
export function filterCards<T extends { status: Status }>(cards: readonly T[], status: Status | null): T[] {
  return status === null ? [...cards] : cards.filter((c) => c.status === status);
}

/** The overview's two orders: by KPI group as in the reports, or what needs attention first. */
export type CardOrder = 'group' | 'attention';

/** The order of the URL (?ordning=uppmarksamhet); anything else is the reports' order. */
export function cardOrder(raw: unknown): CardOrder {
  return raw === 'uppmarksamhet' ? 'attention' : 'group';
}

/**
 * How urgent a card is: red now, then heading for red (the forecast says
 * "ej uppfyllt" at year end), then yellow, then heading for yellow, then
 * green; without a status last.
 */
export function attentionRank(c: { status: Status; forecastStatus: Status }): number {
  if (c.status === 'red') return 0;
  if (c.forecastStatus === 'red') return 1;
  if (c.status === 'yellow') return 2;
  if (c.forecastStatus === 'yellow') return 3;
  if (c.status === 'green') return 4;
  return 5;
}

/** "Behöver uppmärksamhet först": by attentionRank, the server's order kept within a rank. */
export function sortByAttention<T extends { status: Status; forecastStatus: Status }>(cards: readonly T[]): T[] {
  return cards
    .map((c, i) => ({ c, i, r: attentionRank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

/** A card measured more than this many months before the overview's period is an old measurement (a yearly KPI's last year is not). */
const OLD_AFTER_MONTHS = 12;

/**
 * The cards measured within a year of the period, and the older ones (the
 * 2017 kvalitetsberättelse in a 2022 overview), which the overview folds away
 * so the five-second look is at what is current.
 */
export function splitByAge<T extends { period: string }>(cards: readonly T[], period: string): { current: T[]; old: T[] } {
  const end = monthIndex(parsePeriod(period).end);
  const current: T[] = [];
  const old: T[] = [];
  for (const c of cards) (end - monthIndex(parsePeriod(c.period).end) > OLD_AFTER_MONTHS ? old : current).push(c);
  return { current, old };
}

/** The prognos filter of the URL (?prognos=red): the KPIs heading for that status at year end. */
export function forecastFilter(raw: unknown): Exclude<Status, 'none'> | null {
  return raw === 'red' || raw === 'yellow' || raw === 'green' ? raw : null;
}

/** Only the cards whose year-end prognos has that status (all without a filter). */
export function filterByForecast<T extends { forecastStatus: Status }>(cards: readonly T[], status: Status | null): T[] {
  return status === null ? [...cards] : cards.filter((c) => c.forecastStatus === status);
}

/** How many cards head for each judged status at year end (the reports' "Prognos" column, counted). */
export function forecastCounts(cards: readonly { forecastStatus: Status }[]): Record<Exclude<Status, 'none'>, number> {
  const n = { green: 0, yellow: 0, red: 0 };
  for (const c of cards) if (c.forecastStatus !== 'none') n[c.forecastStatus] += 1;
  return n;
}
