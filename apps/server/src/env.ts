import { readDbEnv, type DbEnv } from '@lagesbild/db';
import { z } from 'zod';

/** Server settings, validated once at start-up; nothing else reads process.env. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LAGESBILD_ORG: z.string().default('katrineholm'),
  // Behind an HTTPS reverse proxy: trust its X-Forwarded-Proto/For (Secure cookies, the client's address in the audit log).
  LAGESBILD_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  // How often the server deletes sessions and sign-in links past their end.
  LAGESBILD_SESSION_PURGE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  // Kolada's comparison figures: how often they are fetched (0: never; a server without internet imports a file instead), and from where.
  LAGESBILD_KOLADA_REFRESH_HOURS: z.coerce
    .number()
    .min(0)
    .max(30 * 24)
    .default(24),
  LAGESBILD_KOLADA_URL: z.string().url().optional(),
});

export interface ServerEnv extends DbEnv {
  port: number;
  host: string;
  orgId: string;
  trustProxy: boolean;
  sessionPurgeMs: number;
  koladaRefreshMs: number;
  koladaUrl: string | undefined;
}

/** The process's environment as is, for the CLI, which hands it to readServerEnv and reads USER and INIT_CWD. */
export const processEnv = (): NodeJS.ProcessEnv => process.env;

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Felaktig miljövariabel: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    ...readDbEnv(env),
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    orgId: parsed.data.LAGESBILD_ORG,
    trustProxy: ['1', 'true'].includes(parsed.data.LAGESBILD_TRUST_PROXY),
    sessionPurgeMs: parsed.data.LAGESBILD_SESSION_PURGE_MINUTES * 60_000,
    koladaRefreshMs: parsed.data.LAGESBILD_KOLADA_REFRESH_HOURS * 60 * 60_000,
    koladaUrl: parsed.data.LAGESBILD_KOLADA_URL,
  };
}
