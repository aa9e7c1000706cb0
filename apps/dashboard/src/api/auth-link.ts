import type { AppRouter } from '@lagesbild/api';
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { useSessionStore } from '../stores/session.js';

/**
 * When the server says the session is gone (expired, logged out elsewhere, roles
 * changed), go to the login page and come back to the same view afterwards;
 * not while logging out, which goes to its own organisation's login page.
 */
export const authLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (err) => {
          if (err.data?.httpStatus === 401 && typeof window !== 'undefined' && !window.location.pathname.startsWith('/logga-in')) {
            const session = useSessionStore();
            if (!session.leaving) {
              session.forget();
              const back = window.location.pathname + window.location.search;
              window.location.assign(`/logga-in?next=${encodeURIComponent(back)}`);
            }
          }
          observer.error(err);
        },
        complete: () => observer.complete(),
      }),
    );
