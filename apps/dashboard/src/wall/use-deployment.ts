import { getCurrentScope, onScopeDispose } from 'vue';

/**
 * Reloads the page when the server serves another dashboard build than the
 * one this page started with (GET /health names it in x-lagesbild-build), so
 * a wall screen moves onto a new deployment by itself.
 */
export function useDeploymentWatch(intervalMs = 60_000, reload: () => void = () => location.reload()) {
  let first: string | null = null;
  const check = async (): Promise<void> => {
    try {
      const res = await fetch('/health', { cache: 'no-store' });
      const id = res.headers.get('x-lagesbild-build');
      if (!res.ok || !id || id === 'none') return;
      if (first === null) first = id;
      else if (id !== first) reload();
    } catch {
      // The server is away; the next check (or the reconnect) tries again.
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  return { check };
}
