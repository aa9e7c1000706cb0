/** Edit distance (Levenshtein), for "Menade du …?" suggestions on typos in KPI ids, unit codes and headers. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known name closest to `input`, or null when even the closest one is so
 * far away that suggesting it would mislead (more than ~40 % of the letters
 * differ). Case is ignored: "SOC" and "soc" are the same typo away.
 */
export function nearest(input: string, known: Iterable<string>): string | null {
  const needle = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(needle, k.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && k < best)) {
      best = k;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(Math.max(needle.length, 1) * 0.4));
  return best !== null && bestDistance <= limit ? best : null;
}
