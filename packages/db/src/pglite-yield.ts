import type { PGlite } from '@electric-sql/pglite';

const turn = () => new Promise<void>((ok) => setImmediate(ok));

/**
 * Embedded PGlite runs each query synchronously on the main thread and
 * resolves it as a microtask, so a request that makes fifty queries would
 * hold the event loop for all of them at once: nothing else — /health, other
 * users, live events — gets in until it ends. Giving the loop one turn before
 * each query lets other requests in between any two, so a long request is
 * slow for its own caller only. (PostgreSQL's socket I/O yields by itself.)
 */
export function yieldBetweenQueries(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  client.query = (async (...args: Parameters<PGlite['query']>) => {
    await turn();
    return query(...args);
  }) as PGlite['query'];
  client.exec = async (...args: Parameters<PGlite['exec']>) => {
    await turn();
    return exec(...args);
  };
}
