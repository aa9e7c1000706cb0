/**
 * Shared by the SSE benchmarks (sse-fanout.ts, sse-soak.ts): the server
 * processes they start (a Lägesbild server, or the bare SSE server written
 * for the comparison), a fetch-based SSE reader, and percentiles.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { writeHeapSnapshot } from 'node:v8';
import { startServer } from '../../apps/server/src/http/server.js';
import { boards, deviceTokens, openPostgres, seedDemo, type Db } from '../../packages/db/src/index.js';
import { openTestDatabase, type TestDatabase } from '../../packages/db/src/testing/index.js';
import { messageFeed } from './sse-parse.js';

export const ORG = 'katrineholm';
export const BARE_CHANNEL = 'bench_bare';
/** A throw-away PostgreSQL database with the demo data, and a wall screen's token for an overview board named `name`. */
export async function demoWithWallToken(name: string): Promise<{ database: TestDatabase; url: string; token: string }> {
  const database = await openTestDatabase('postgres');
  await seedDemo(database.db);
  const [board] = await database.db
    .insert(boards)
    .values({ orgId: ORG, name, createdBy: 'bench', slides: [{ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 10 }] })
    .returning({ id: boards.id });
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(deviceTokens).values({ orgId: ORG, boardId: board?.id ?? 0, name, createdBy: 'bench', tokenHash: createHash('sha256').update(token).digest('hex') });
  return { database, url: database.url ?? '', token };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Listenable {
  listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
}
export const rawClient = (db: Db) => (db as unknown as { $client: Listenable & ((strings: TemplateStringsArray, ...v: unknown[]) => Promise<unknown>) }).$client;

// ---- child processes -------------------------------------------------------

/** A Lägesbild server (mode "server") or the bare SSE server (mode "bare"), reporting its RSS on request. */
export async function child(mode: string, url: string): Promise<void> {
  const database = await openPostgres(url);
  let address: string;
  if (mode === 'server') {
    const staticDir = mkdtempSync(join(tmpdir(), 'bench-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    address = (await startServer({ database, orgId: ORG, port: 0, staticDir })).url;
  } else {
    const open = new Set<ServerResponse>();
    await rawClient(database.db).listen(BARE_CHANNEL, (payload) => {
      for (const res of open) res.write(`data: ${payload}\n\n`);
    });
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      req.socket.setNoDelay(true);
      res.write('data: connected\n\n');
      open.add(res);
      req.on('close', () => open.delete(res));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  process.on('message', (m) => {
    if (m === 'mem') process.send?.({ rss: process.memoryUsage().rss });
    // After a full collection the heap is what the server really holds; RSS moves with the allocator.
    if (m === 'heap') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ heap: process.memoryUsage().heapUsed });
    }
    if (typeof m === 'object' && m !== null && 'snapshot' in m) process.send?.({ written: writeHeapSnapshot(String(m.snapshot)) });
    if (typeof m === 'object' && m !== null && 'profile' in m) void profile(m.profile === 'start' ? null : String(m.profile)).then(() => process.send?.({ profiled: true }));
  });
  process.send?.({ ready: address });
}

// A CPU profile of a window (the events, not start-up): started, then stopped and written to a path.
const inspector = new Session();
async function profile(path: string | null): Promise<void> {
  if (path === null) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    return;
  }
  const { profile: p } = await inspector.post('Profiler.stop');
  writeFileSync(path, JSON.stringify(p));
  inspector.disconnect();
}

export interface Child {
  proc: ChildProcess;
  url: string;
  rss(): Promise<number>;
  heap(): Promise<number>;
  /** Writes a heap snapshot to this path (resolves once written). */
  snapshot(path: string): Promise<void>;
  /** Starts a CPU profile (null), or stops it and writes it to a path. */
  profile(path: string | null): Promise<void>;
}

export function spawnChild(mode: string, url: string): Promise<Child> {
  const proc = fork(new URL('./sse-child.ts', import.meta.url).pathname, [mode, url], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((ok, fail) => {
    proc.once('error', fail);
    proc.once('message', (m: { ready: string }) =>
      ok({
        proc,
        url: m.ready,
        rss: () =>
          new Promise((r) => {
            proc.once('message', (x: { rss: number }) => r(x.rss));
            proc.send('mem');
          }),
        heap: () =>
          new Promise((r) => {
            proc.once('message', (x: { heap: number }) => r(x.heap));
            proc.send('heap');
          }),
        snapshot: (path) =>
          new Promise((r) => {
            proc.once('message', () => r());
            proc.send({ snapshot: path });
          }),
        profile: (path) =>
          new Promise((r) => {
            proc.once('message', () => r());
            proc.send({ profile: path ?? 'start' });
          }),
      }),
    );
  });
}

// ---- subscribers -----------------------------------------------------------

/** Reads an SSE stream with fetch; calls onData with each message's data. Resolves when the first message arrives. */
export function subscribe(url: string, headers: Record<string, string>, onData: (data: string) => void, signal: AbortSignal): Promise<void> {
  return new Promise((connected, fail) => {
    void (async () => {
      const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal });
      if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const feed = messageFeed(connected, onData);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        feed(value);
      }
    })().catch((err: unknown) => {
      if (!signal.aborted) fail(err);
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
export const fmt = (ms: number) => ms.toFixed(1).padStart(7);
export const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** Runs a bench's main and ends the process (its servers' children and sockets would keep it alive): 0, or 1 with the error. */
export function runToExit(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
