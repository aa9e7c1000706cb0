import type { AppRouter } from '@lagesbild/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/** The typed API client; the server serves the dashboard and the API from the same origin. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});
