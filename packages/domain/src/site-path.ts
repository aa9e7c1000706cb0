/**
 * Whether a "next" address after sign-in stays on this site: a path, never
 * another host. Browsers read "//host" and "/\host" (and the same with tabs or
 * newlines inside, which they strip) as another site, so only a path whose
 * second character is neither slash nor backslash passes, with no control
 * characters anywhere. Shared by the server's /auth/open and the login page.
 */
export function isSitePath(next: string): boolean {
  for (let i = 0; i < next.length; i++) {
    const c = next.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return next.startsWith('/') && next[1] !== '/' && next[1] !== '\\';
}
