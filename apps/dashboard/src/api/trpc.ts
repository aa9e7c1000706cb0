import type { AppRouter } from '@lagesbild/api';
import { MAX_BATCH_SIZE } from '@lagesbild/domain';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, retryLink, splitLink } from '@trpc/client';
import { authLink } from './auth-link.js';
import { useSessionStore } from '../stores/session.js';

/** The pause before a failed live stream connects again. */
const LIVE_RETRY_MS = 3000;

export interface ApiClientOptions {
  /** A wall screen's device token: sent as a header, and as a connection parameter for SSE (EventSource cannot send headers). */
  deviceToken?: string;
}

/**
 * The typed API client. The server serves the dashboard and the API from the
 * same origin (in development Vite proxies /trpc to it), so the URL is relative.
 * Only the router's type comes from @lagesbild/api; no server code is bundled.
 * Subscriptions (live.events) go over SSE, with tRPC's own reconnect: after
 * the server's reconnectAfterInactivityMs without a message (its `connected`
 * message says how long) and, through retryLink, after an error; everything
 * else in batches.
 */
export function createApiClient(opts: ApiClientOptions = {}) {
  const { deviceToken } = opts;
  return createTRPCClient<AppRouter>({
    // A wall screen has no login page to go to: it shows its own "unknown screen" state instead.
    links: [
      // A live stream that fails (server restarting, a screen's key refused) starts again after a pause, from its last event id.
      retryLink({ retry: ({ op }) => op.type === 'subscription', retryDelayMs: () => LIVE_RETRY_MS }),
      ...(deviceToken ? [] : [authLink]),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', connectionParams: deviceToken ? { deviceToken } : undefined }),
        // The server refuses bigger batches (limits.ts); a view that asks for more in one tick gets several.
        false: httpBatchLink({
          url: '/trpc',
          maxItems: MAX_BATCH_SIZE,
          headers: async () => (deviceToken ? { 'x-device-token': deviceToken } : await useSessionStore().headers()),
        }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const trpc: ApiClient = createApiClient();
