import type { AppRouter } from '@lagesbild/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/**
 * The typed API client. The server serves the dashboard and the API from the
 * same origin (in development Vite proxies /trpc to it), so the URL is relative.
 * Only the router's type comes from @lagesbild/api; no server code is bundled.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});
