import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which dashboard build this server serves: a hash of index.html, which names
 * every hashed asset, so any new build gives a new id. Wall screens compare it
 * with the id they started with and reload onto a new deployment.
 */
export function buildIdReader(staticDir: string): () => string | null {
  const file = join(staticDir, 'index.html');
  let cached: { mtimeMs: number; id: string } | null = null;
  return () => {
    try {
      const { mtimeMs } = statSync(file);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, id: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) };
      return cached.id;
    } catch {
      return null;
    }
  };
}
