import { can, type Permission } from '@lagesbild/domain';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { fetchMe, login, type Me } from '../api/session.js';
import { rememberOrg } from '../lib/last-org.js';

/**
 * Who is signed in, in one place: the router asks before any view loads, the
 * menu shows it, the API client takes the CSRF token from it, and forms ask it
 * whether to offer themselves. Asked once and remembered until login or logout.
 */
export const useSessionStore = defineStore('session', () => {
  /** The signed-in user once known; null before that and when nobody is. */
  const me = ref<Me>(null);
  /**
   * Set while logging out: a query that meets the closed session then must not
   * send the page to the login with ?next= in place of the logout's own address.
   */
  const leaving = ref(false);
  let asking: Promise<Me> | null = null;

  /** Who is signed in (null when nobody is); a failed question is asked again next time. */
  function current(): Promise<Me> {
    asking ??= fetchMe().then(
      (m) => {
        // However the session was opened (password, sign-in link), the next login page opens on its organisation.
        if (m && !m.device) rememberOrg(m.organisation.id);
        return (me.value = m);
      },
      (err: unknown) => {
        asking = null;
        throw err;
      },
    );
    return asking;
  }

  function forget(): void {
    asking = null;
    me.value = null;
  }

  /** Signs in to an organisation (undefined: the server's own); the session then reads only that tenant. */
  async function signIn(username: string, password: string, org: string | undefined): Promise<void> {
    await login(username, password, org);
    forget();
  }

  /** The session's CSRF token for mutations; empty before login. */
  async function headers(): Promise<Record<string, string>> {
    const m = await current().catch(() => null);
    return m?.csrfToken ? { 'x-csrf-token': m.csrfToken } : {};
  }

  /**
   * Whether the signed-in person's roles hold a permission, from the same table the
   * server enforces, so a form is offered only to those who may use it; the server
   * checks role and unit scope again on every write.
   */
  async function may(permission: Permission): Promise<boolean> {
    const m = await current().catch(() => null);
    return m !== null && m.device === null && can(m.roles, permission);
  }

  return { me, leaving, current, forget, signIn, headers, may };
});
