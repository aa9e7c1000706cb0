/** Peak memory over a run, shared by the benchmarks that measure whether something streams. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection before the baseline, also when node was started without
 * --expose-gc (npx tsx): otherwise the baseline holds whatever garbage the
 * CSV generator left (half a GB at 1M rows), and the growth depends on when
 * V8 happens to collect it rather than on what the import holds.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Peak RSS and heap over a run, sampled every 100 ms, against the level just before it. */
export function memorySampler() {
  gc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap, rssGrowth: rss - base.rss, heapGrowth: heap - base.heapUsed };
    },
  };
}
