import type { IncomingMessage } from 'node:http';
import type { Db } from '@lagesbild/db';
import { BODY_LIMIT_PUBLIC, BODY_LIMIT_SIGNED_IN, can } from '@lagesbild/domain';
import { MAX_FILE_BYTES } from '@lagesbild/importer';
import { parse } from 'cookie';
import { SESSION_COOKIE } from './request-context.js';
import { resolveSession } from './sessions.js';

/** Base64 of the largest importable file, plus room for the JSON around it. */
export const BODY_LIMIT_IMPORT = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 64 * 1024;

/** Procedures whose body may be a whole file, for a caller who may import. */
const IMPORT_PROCEDURES = new Set(['import.preview', 'import.commit', 'kolada.importFile']);

/**
 * Why a body was refused; the limit, when the caller knows it (tRPC's own
 * refusal of a chunked body does not). An import names the file limit, as the
 * importer would.
 */
export const bodyTooLargeMessage = (limit: number | null) =>
  limit === BODY_LIMIT_IMPORT ? `Filen är för stor: högst ${MAX_FILE_BYTES / 1024 / 1024} MB kan importeras åt gången.` : tooLarge(limit);
const tooLarge = (limit: number | null) =>
  `Begäran är för stor${limit === null ? '' : `: högst ${limit >= 1024 * 1024 ? `${Math.floor(limit / 1024 / 1024)} MB` : `${Math.floor(limit / 1024)} kB`} får skickas hit`}. Skicka mindre; före inloggning tas bara några kB emot, och stora filer bara av importen.`;

/**
 * How many body bytes a tRPC request may send, decided from its procedures and
 * caller before a byte of the body is read: a few kB before sign-in, more when
 * signed in, and a whole import file only to import procedures of a caller
 * who may import. Only a request that declares (or may send) more than the
 * public size costs a session lookup.
 */
export async function bodyLimitFor(db: Db, req: IncomingMessage, procedures: readonly string[], now: Date): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared <= BODY_LIMIT_PUBLIC) return BODY_LIMIT_PUBLIC;
  const token = parse(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = token ? await resolveSession(db, token, now) : null;
  if (!session) return BODY_LIMIT_PUBLIC;
  if (procedures.length > 0 && procedures.every((p) => IMPORT_PROCEDURES.has(p)) && can(session.user.roles, 'import')) return BODY_LIMIT_IMPORT;
  return BODY_LIMIT_SIGNED_IN;
}
