import { can, type Permission } from '@lagesbild/domain';
import type { AppRouter } from '@lagesbild/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import { ref } from 'vue';
import { rememberOrg } from '../lib/last-org.js';

// A client without the session headers, for the calls that produce them (no recursion).
const plain = createTRPCClient<AppRouter>({
  // Login is a public mutation: the server wants a custom header, which a cross-site form cannot send.
  links: [httpLink({ url: '/trpc', headers: { 'x-csrf-token': 'login' } })],
});

export type Me = Awaited<ReturnType<typeof plain.auth.me.query>>;

let me: Promise<Me> | null = null;

/** The signed-in user once known (the router asks before any view loads). */
export const signedIn = ref<Me>(null);

/** Where a user with assigned units starts: her first unit; null for roles that see everything. */
export function homeUnit(m: Me, remembered: string | null): string | null {
  if (!m || m.scope.kind === 'all') return remembered;
  return remembered && m.scope.units.includes(remembered) ? remembered : (m.scope.units[0] ?? null);
}

/** Who is signed in (null when nobody is), asked once and remembered until login or logout. */
export function currentUser(): Promise<Me> {
  me ??= plain.auth.me.query().then(
    (m) => {
      // However the session was opened (password, sign-in link), the next login page opens on its organisation.
      if (m && !m.device) rememberOrg(m.organisation.id);
      return (signedIn.value = m);
    },
    (err: unknown) => {
      me = null;
      throw err;
    },
  );
  return me;
}

export function forgetUser(): void {
  me = null;
  signedIn.value = null;
}

/** The session's CSRF token for mutations; empty before login. */
export async function sessionHeaders(): Promise<Record<string, string>> {
  const m = await currentUser().catch(() => null);
  return m?.csrfToken ? { 'x-csrf-token': m.csrfToken } : {};
}

/** Signs in to an organisation (undefined: the server's own); the session then reads only that tenant. */
export async function signIn(username: string, password: string, org: string | undefined): Promise<void> {
  await plain.auth.login.mutate({ username, password, ...(org ? { org } : {}) });
  forgetUser();
}

/** The organisation a login page is for, by name; null when its address names none that exists. */
export const loginOrganisation = (org: string | undefined) => plain.auth.organisation.query(org ? { org } : {});

/**
 * Whether the signed-in person's roles hold a permission, from the same table the
 * server enforces, so a form is offered only to those who may use it; the server
 * checks role and unit scope again on every write.
 */
export async function mayI(permission: Permission): Promise<boolean> {
  const me = await currentUser().catch(() => null);
  return me !== null && me.device === null && can(me.roles, permission);
}
