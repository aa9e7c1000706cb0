// @vitest-environment happy-dom
import type { AppRouter } from '@lagesbild/api';
import { TRPCClientError, type Operation } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.js';
import { authLink } from './auth-link.js';

/** One query through the link, answered by the server with 401; what the caller got back. */
function answer401(): unknown[] {
  const errors: unknown[] = [];
  const op: Operation = { id: 1, type: 'query', path: 'overview.get', input: {}, context: {}, signal: null };
  // What httpBatchLink makes of a 401: a TRPCClientError whose data carries the status.
  const unauthorised = new TRPCClientError<AppRouter>('UNAUTHORIZED', {
    result: { error: { code: -32001, message: 'UNAUTHORIZED', data: { httpStatus: 401, code: 'UNAUTHORIZED', zod: null } } },
  });
  const next = () => observable<never, TRPCClientError<AppRouter>>((o) => o.error(unauthorised));
  authLink({})({ op, next }).subscribe({ error: (e) => errors.push(e) });
  return errors;
}

describe('authLink: a closed session sends the page to the login', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    window.history.replaceState(null, '', '/kpi/sjukfranvaro?period=2022-T1');
  });

  it('comes back to the same view afterwards', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    expect(answer401()).toHaveLength(1);
    expect(assign).toHaveBeenCalledWith(`/logga-in?next=${encodeURIComponent('/kpi/sjukfranvaro?period=2022-T1')}`);
    assign.mockRestore();
  });

  it('not while logging out: the logout goes to its own organisation’s login page, and a late 401 must not replace it', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    useSessionStore().leaving = true;
    expect(answer401()).toHaveLength(1);
    expect(assign).not.toHaveBeenCalled();
    assign.mockRestore();
  });
});
