/** Edit distance (Levenshtein), for "Menade du …?" suggestions on typos in KPI ids, unit codes and headers. */
function editDistance(a: string, b: string): number {
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

/** Longer input gets no "Menade du …?": it is no typo of a name or label. */
const MAX_SUGGEST_INPUT = 200;

/**
 * The known name closest to `input`, or null when even the closest one is so
 * far away that suggesting it would mislead (more than ~40 % of the letters
 * differ). Case is ignored: "SOC" and "soc" are the same typo away.
 */
export function nearest(input: string, known: Iterable<string>): string | null {
  // A typo of a short name is never this long, and edit distance is quadratic: a 10 MB header took seconds.
  if (input.length > MAX_SUGGEST_INPUT) return null;
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

/** Lower case, NFC, one space between words, no spaces around "/" or "-": how labels are compared. */
export const normaliseLabel = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([/\-–])\s*/g, '$1')
    .trim();

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Similarity of two row labels in [0, 1]: the better of the Sørensen–Dice
 * coefficient of letter pairs (robust to reordered or extra words, "Antal
 * aktualiseringar" ~ "Aktualiseringar") and the Levenshtein ratio (robust to
 * typos in short labels, "Kvinor" ~ "Kvinnor").
 */
export function labelSimilarity(a: string, b: string): number {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  if (x === y) return 1;
  if (x.length > MAX_SUGGEST_INPUT || y.length > MAX_SUGGEST_INPUT) return 0;
  const longest = Math.max(x.length, y.length);
  const lev = longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  for (const [g, n] of bx) shared += Math.min(n, by.get(g) ?? 0);
  const pairs = Math.max(x.length - 1, 0) + Math.max(y.length - 1, 0);
  const dice = pairs === 0 ? 0 : (2 * shared) / pairs;
  return Math.max(lev, dice);
}

/** The most similar known label, or null when none is similar enough (below 0.5) to be a helpful guess. */
export function closestLabel(input: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let score = 0.5;
  for (const k of known) {
    const s = labelSimilarity(input, k);
    if (s > score || (s === score && best !== null && k < best)) {
      best = k;
      score = s;
    }
  }
  return best;
}
