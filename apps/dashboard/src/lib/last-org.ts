import { ORG_ID_PATTERN } from '@lagesbild/domain';
import { readStored, writeStored } from './browser-storage.js';

const KEY = 'lagesbild.organisation';

/**
 * The organisation this browser last signed in to, so the login page after a
 * logout or an expired session opens the same tenant without its ?org= address.
 */
const rememberedOrg = (): string | null => readStored(KEY, ORG_ID_PATTERN);

export const rememberOrg = (id: unknown): void => writeStored(KEY, id, ORG_ID_PATTERN);

/** The organisation a login page is for: its address's ?org=, else the remembered one, else the server's own (undefined). */
export function loginOrg(query: unknown): string | undefined {
  if (typeof query === 'string' && query.trim()) return query.trim().toLowerCase();
  return rememberedOrg() ?? undefined;
}
