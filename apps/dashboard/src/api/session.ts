import type { AppRouter } from '@lagesbild/api';
import { createTRPCClient, httpLink } from '@trpc/client';

/**
 * The calls that open and describe a session. The session itself (who is
 * signed in, the CSRF token) is kept in stores/session.ts.
 */

// A client without the session headers, for the calls that produce them (no recursion).
const plain = createTRPCClient<AppRouter>({
  // Login is a public mutation: the server wants a custom header, which a cross-site form cannot send.
  links: [httpLink({ url: '/trpc', headers: { 'x-csrf-token': 'login' } })],
});

export type Me = Awaited<ReturnType<typeof plain.auth.me.query>>;

/** Who the session cookie belongs to, asked of the server (null when nobody is signed in). */
export const fetchMe = (): Promise<Me> => plain.auth.me.query();

export async function login(username: string, password: string, org: string | undefined): Promise<void> {
  await plain.auth.login.mutate({ username, password, ...(org ? { org } : {}) });
}

/** Where a user with assigned units starts: her first unit; null for roles that see everything. */
export function homeUnit(m: Me, remembered: string | null): string | null {
  if (!m || m.scope.kind === 'all') return remembered;
  return remembered && m.scope.units.includes(remembered) ? remembered : (m.scope.units[0] ?? null);
}

/** The organisation a login page is for, by name; null when its address names none that exists. */
export const loginOrganisation = (org: string | undefined) => plain.auth.organisation.query(org ? { org } : {});
