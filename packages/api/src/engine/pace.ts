/**
 * Long computations (every KPI of an overview, every point of a series) run
 * on the one thread that also answers /health, sign-ins and live events. A
 * loop that awaits this between items gives the event loop a turn once
 * `budgetMs` have passed since the last, so no request holds it for longer
 * than that (plus one item) however much it asked for.
 */
export function pacer(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((ok) => setImmediate(ok));
    since = performance.now();
  };
}
