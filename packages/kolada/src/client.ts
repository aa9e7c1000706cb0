import type { z } from 'zod';
import {
  koladaDataPage,
  koladaKpiPage,
  koladaMunicipalityGroupPage,
  koladaMunicipalityPage,
  type KoladaDataValue,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaMunicipalityGroup,
} from './format.js';

/** Kolada's public API; a server without internet imports the same JSON as a file instead. */
export const KOLADA_BASE_URL = 'https://api.kolada.se/v2';

export interface KoladaClientOptions {
  baseUrl?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Attempts per page after the first, for timeouts, network errors, 429 and 5xx. */
  retries?: number;
  /** The first wait between attempts; it doubles each time. */
  backoffMs?: number;
  /** Pages followed at most: a next_page loop is an error, not a hang. */
  maxPages?: number;
}

/** Why a fetch failed, in words for the admin, with what to do; nothing of it has been stored. */
export class KoladaFetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'KoladaFetchError';
  }
}

interface Resolved {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxPages: number;
}

const resolve = (o: KoladaClientOptions): Resolved => ({
  baseUrl: (o.baseUrl ?? KOLADA_BASE_URL).replace(/\/+$/, ''),
  timeoutMs: o.timeoutMs ?? 20_000,
  retries: o.retries ?? 3,
  backoffMs: o.backoffMs ?? 500,
  maxPages: o.maxPages ?? 1_000,
});

const OFFLINE_HINT = 'Försök igen senare, eller hämta filen på en dator med internet och läs in den (lagesbild kolada import).';
const retryable = (status: number) => status === 429 || status >= 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One page, retried on what may pass (timeouts, network errors, 429, 5xx) and refused at once on what will not (4xx, bad JSON). */
async function getPage<T extends z.ZodTypeAny>(url: string, schema: T, o: Resolved): Promise<z.infer<T>> {
  let last = '';
  for (let attempt = 1; attempt <= o.retries + 1; attempt++) {
    if (attempt > 1) await sleep(o.backoffMs * 2 ** (attempt - 2));
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: 'application/json' } });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      last = timedOut ? `svarade inte inom ${o.timeoutMs / 1000} s` : `gick inte att nå (${(err as Error).message})`;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      last = `svarade HTTP ${res.status}`;
      if (retryable(res.status)) continue;
      throw new KoladaFetchError(`Kolada ${last} på ${url}. Kontrollera KPI-id, kommun-id och år.`, url, attempt);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new KoladaFetchError(`Kolada svarade med något som inte är JSON på ${url}. ${OFFLINE_HINT}`, url, attempt);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new KoladaFetchError(`Koladas svar på ${url} har inte det väntade formatet: ${parsed.error.issues[0]?.message ?? ''}`, url, attempt);
    return parsed.data;
  }
  throw new KoladaFetchError(`Kolada ${last} på ${url}, ${o.retries + 1} försök. ${OFFLINE_HINT}`, url, o.retries + 1);
}

/** Every page from `first` on, followed through next_page; all or nothing. */
async function allPages<T>(first: string, schema: z.ZodType<{ values: T[]; next_page?: string | null | undefined }>, o: Resolved): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  for (let url: string | null | undefined = first; url;) {
    if (seen.has(url) || seen.size >= o.maxPages) throw new KoladaFetchError(`Koladas sidor tar inte slut (${seen.size} sidor, senast ${url}).`, url, 1);
    seen.add(url);
    const page: { values: T[]; next_page?: string | null | undefined } = await getPage(url, schema, o);
    out.push(...page.values);
    url = page.next_page;
  }
  return out;
}

const ids = (xs: readonly (string | number)[]) => xs.map((x) => encodeURIComponent(String(x))).join(',');

export interface KoladaDataQuery {
  kpis: readonly string[];
  municipalities: readonly string[];
  years: readonly number[];
}

export function fetchKoladaData(q: KoladaDataQuery, options: KoladaClientOptions = {}): Promise<KoladaDataValue[]> {
  const o = resolve(options);
  return allPages(`${o.baseUrl}/data/kpi/${ids(q.kpis)}/municipality/${ids(q.municipalities)}/year/${ids(q.years)}`, koladaDataPage, o);
}

export function fetchKoladaKpis(kpis: readonly string[], options: KoladaClientOptions = {}): Promise<KoladaKpi[]> {
  const o = resolve(options);
  return allPages(`${o.baseUrl}/kpi/${ids(kpis)}`, koladaKpiPage, o);
}

export function fetchKoladaMunicipalities(municipalities: readonly string[], options: KoladaClientOptions = {}): Promise<KoladaMunicipality[]> {
  const o = resolve(options);
  return allPages(`${o.baseUrl}/municipality/${ids(municipalities)}`, koladaMunicipalityPage, o);
}

export function fetchKoladaMunicipalityGroups(groups: readonly string[], options: KoladaClientOptions = {}): Promise<KoladaMunicipalityGroup[]> {
  const o = resolve(options);
  return allPages(`${o.baseUrl}/municipality_groups/${ids(groups)}`, koladaMunicipalityGroupPage, o);
}
