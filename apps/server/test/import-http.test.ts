/**
 * Bad files through the real HTTP server: import.preview and import.commit
 * as an admin answer each with a clear Swedish error, the server keeps
 * answering GET /health, and the database is byte-for-byte what it was.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppRouter } from '@lagesbild/api';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { dumpAll } from '../../../packages/importer/test/dump.js';
import { startServer, type RunningServer } from '../src/http/server.js';
import { adminSession, fakeDashboard } from './live-harness.js';
import { useDemoDatabase } from './demo-database.js';

const CORPUS = resolve(import.meta.dirname, '../../../packages/importer/test/bad-files');
const corpus = (name: string) => readFileSync(join(CORPUS, name));
const text = (s: string) => Buffer.from(s, 'utf8');

/** Files from the importer's corpus (the format-level ones: its KPIs are not the demo's) and a few in the demo's terms, with the words of the first error. */
const BAD: [file: string, bytes: Uint8Array, message: string][] = [
  ['binary-junk.csv', corpus('binary-junk.csv'), 'är en binärfil, inte text'],
  ['pdf-renamed.csv', corpus('pdf-renamed.csv'), 'är en PDF-fil (fast namnet slutar på .csv)'],
  ['pdf-renamed.xlsx', corpus('pdf-renamed.xlsx'), 'är en PDF-fil (fast namnet slutar på .xlsx)'],
  ['broken-xml-2021.xlsx', corpus('broken-xml-2021.xlsx'), 'innehållet (XML) i arbetsboken är trasigt'],
  ['utf16.csv', corpus('utf16.csv'), 'är sparad som UTF-16'],
  ['bom-only.csv', corpus('bom-only.csv'), 'Filen innehåller inga datarader'],
  ['zip-bomb.xlsx', corpus('zip-bomb.xlsx'), 'Det ser ut som en zip-bomb'],
  ['zip-bomb-lying.xlsx', corpus('zip-bomb-lying.xlsx'), 'Det ser ut som en zip-bomb'],
  ['truncated-2021.xlsx', corpus('truncated-2021.xlsx'), 'går inte att öppna som Excel-arbetsbok'],
  ['unclosed-quote.csv', corpus('unclosed-quote.csv'), 'citattecknen (") går inte ihop'],
  [
    'fraga.csv',
    text('kpi,unit,period,gender,value\nhushall-utbetalt,EKBIST,2022-05,K,200\nhushall-utbetalt,EKBIST,2022-05,M,?\n'),
    'Värdet "?" i fil fraga.csv, rad 3, kolumn value är inte ett tal',
  ],
  ['formel.csv', text('kpi;unit;period;gender;value\nutbetalt-forsorjningsstod;EKBIST;2022-05;T;=SUM(A1:A9)\n'), 'Celler som börjar med =, + eller @ tolkas aldrig som formler'],
  ['fel-enhet.csv', text('kpi,unit,period,gender,value\nhushall-utbetalt,SOC,2022-05,K,200\n'), 'Enheten "SOC" har underenheter 2022-05'],
];

describe.each(TEST_DB_KINDS)('bad files over HTTP on %s', (kind) => {
  let server: RunningServer;
  let headers: Record<string, string>;
  let before: Record<string, string>;

  const database = useDemoDatabase(
    kind,
    async (opened) => {
      server = await startServer({ database: opened, orgId: 'katrineholm', port: 0, staticDir: fakeDashboard() });
      const session = await adminSession(opened.db, 'import-admin');
      headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
      // Taken after the session exists: from here on nothing may change.
      before = await dumpAll(opened.db);
    },
    () => server.close(),
  );

  const client = () => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers })] });
  const health = async () => {
    const res = await fetch(`${server.url}/health`);
    return { status: res.status, body: await res.json() };
  };
  const input = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64'), unitCode: 'EKBIST' });

  it.each(BAD)('%s: preview and commit both refuse it with its Swedish error, and /health still answers', async (file, bytes, message) => {
    const preview = await client().import.preview.mutate(input(file, bytes));
    expect(preview.ok).toBe(false);
    expect(preview.errors[0]?.message).toContain(message);
    const commit = await client().import.commit.mutate({ ...input(file, bytes), confirmWarnings: true });
    expect(commit).toMatchObject({ ok: false, batchId: null });
    expect(commit.errors[0]?.message).toContain(message);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: kind } });
  });

  it('an empty file and one over 40 MB are refused before the importer sees them', async () => {
    const empty = await client()
      .import.commit.mutate({ ...input('tom.csv', new Uint8Array()), confirmWarnings: true })
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(TRPCClientError);
    expect((empty as TRPCClientError<AppRouter>).message).toContain('Filen tom.csv är tom.');
    const line = 'hushall-utbetalt,EKBIST,2022-05,K,200\n';
    const huge = new TextEncoder().encode('kpi,unit,period,gender,value\n' + line.repeat(Math.ceil((41 * 1024 * 1024) / line.length)));
    const big = await client()
      .import.preview.mutate(input('stor.csv', huge))
      .catch((e: unknown) => e);
    expect(big).toBeInstanceOf(TRPCClientError);
    expect((big as TRPCClientError<AppRouter>).message).toContain('Filen är för stor: högst 40 MB');
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: kind } });
  });

  it('several bad files at once do not take the server down', async () => {
    const all = await Promise.all(BAD.map(([file, bytes]) => client().import.commit.mutate({ ...input(file, bytes), confirmWarnings: true })));
    expect(all.every((r) => !r.ok && r.batchId === null)).toBe(true);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: kind } });
  });

  it('the database is byte-for-byte what it was', async () => {
    expect(await dumpAll(database.db)).toEqual(before);
  });
});
