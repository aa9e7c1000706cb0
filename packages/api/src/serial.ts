/**
 * The calls of one tRPC batch share one request object; tRPC starts them all
 * at once. Each yields the event loop as it goes (engine/pace.ts, the
 * PGlite query turns), but ten started together would each take a turn before
 * anything else gets one, so a batch of ten long reads would hold /health for
 * ten turns at a time. Run one after the other, a batch costs other requests
 * no more than a single call does.
 */
const tails = new WeakMap<object, Promise<unknown>>();

export function serially<T>(key: object, run: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const result = before.then(run, run);
  tails.set(
    key,
    result.catch(() => undefined),
  );
  return result;
}
