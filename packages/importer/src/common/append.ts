/**
 * Appends one array to another in place. `to.push(...from)` passes every item
 * as an argument and overflows the call stack past about 100 000 items (a
 * wide report of 12 000 rows has 144 000 values), so every list that grows
 * with the file is appended with this instead.
 */
export function append<T>(to: T[], from: Iterable<T>): T[] {
  for (const x of from) to.push(x);
  return to;
}

/** The largest of the numbers, or `empty` for none, without spreading them into Math.max. */
export function maxOf(numbers: Iterable<number>, empty: number): number {
  let max = empty;
  for (const n of numbers) if (n > max) max = n;
  return max;
}
