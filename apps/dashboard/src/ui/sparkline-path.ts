interface SparklineShape {
  /** The SVG path: a line through the months with values, broken where a month has none. */
  d: string;
  /** The last month with a value, for the dot that marks "now"; null when none has one. */
  last: { x: number; y: number } | null;
}

/**
 * A sparkline in a width × height box (SVG units, y down): months spread
 * evenly from left to right, values from the lowest (bottom) to the highest
 * (top) with `pad` kept free at both edges; a flat series lies in the middle.
 * A month without a value (no data, hidden, outside the reader's units)
 * breaks the line rather than being drawn as zero.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 2): SparklineShape {
  const shown = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (shown.length === 0) return { d: '', last: null };
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) / (hi - lo)) * (height - 2 * pad));
  const round = (n: number) => Math.round(n * 100) / 100;
  let d = '';
  let penDown = false;
  let last: SparklineShape['last'] = null;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      penDown = false;
      return;
    }
    const point = { x: round(values.length > 1 ? pad + i * step : width / 2), y: round(y(v)) };
    d += `${penDown ? 'L' : 'M'}${point.x},${point.y}`;
    penDown = true;
    last = point;
  });
  return { d, last };
}
