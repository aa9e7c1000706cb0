/**
 * Shared by the SSE benchmarks (sse-fanout.ts, sse-soak.ts): the server
 * processes they start (a Lägesbild server, or the bare SSE server written
 * for the comparison), a fetch-based SSE reader, and percentiles.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../apps/server/src/http/server.js';
import { openPostgres, type Db } from '../../packages/db/src/index.js';

export const ORG = 'katrineholm';
export const BARE_CHANNEL = 'bench_bare';
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
  });
  process.send?.({ ready: address });
}

export function spawnChild(mode: string, url: string): Promise<{ proc: ChildProcess; url: string; rss(): Promise<number>; heap(): Promise<number> }> {
  const proc = fork(new URL('./sse-child.ts', import.meta.url).pathname, [mode, url], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
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
      }),
    );
  });
}

// ---- subscribers -----------------------------------------------------------

/** Reads an SSE stream with fetch; calls onData with each message's data. Resolves when the first message arrives. */
export function subscribe(url: string, headers: Record<string, string>, onData: (data: string) => void, signal: AbortSignal): Promise<void> {
  return new Promise((connected, fail) => {
    let first = true;
    void (async () => {
      const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal });
      if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (!data) continue;
          if (first) {
            first = false;
            connected();
          }
          onData(data);
        }
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

