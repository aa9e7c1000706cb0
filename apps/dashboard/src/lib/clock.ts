const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When data was fetched, as people read it on a wall or a desk: "14:05" the
 * same day, "2022-11-21 14:05" (Swedish date order) otherwise. 24-hour clock
 * in both languages.
 */
export function formatFetchedAt(at: Date, now: Date = new Date()): string {
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}
