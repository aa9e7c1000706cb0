import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSession, createUser } from '@lagesbild/api';
import { openPglite, seedDemo } from '@lagesbild/db';
import { inheritedEnv } from './env.js';
import { createWallDevice } from './live-harness.js';

/** A server as `pnpm lagesbild serve` runs it, in its own process, on a demo PGlite folder. */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote to stderr (its log). */
  stderr: () => string;
  session: string;
  deviceToken: string;
  stop(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-fuzz-'));
  const dataDir = join(dir, 'db');
  const database = await openPglite(dataDir);
  await database.migrate();
  await seedDemo(database.db);
  const admin = await createUser(database.db, 'katrineholm', { username: 'fuzz-admin', displayName: 'Fuzz', password: null, roles: [{ role: 'admin' }] }, { id: 'test', ip: null });
  const { token: session } = await createSession(database.db, admin.id, { method: 'password', ip: null, userAgent: null, now: new Date() });
  const { token: deviceToken } = await createWallDevice(database.db, 'katrineholm');
  await database.close();
  const root = resolve(import.meta.dirname, '..');
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/cli/bin.ts', 'serve', '--port', '0'], {
    cwd: root,
    env: { PATH: inheritedEnv.PATH, HOME: inheritedEnv.HOME, LAGESBILD_DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start: ${out}\n${err}`)), 120_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /körs på (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}): ${out}\n${err}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    stderr: () => err,
    session,
    deviceToken,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes raw bytes as a request (anything: fetch and http.request refuse
 * malformed targets and headers) and reads whatever comes back until the
 * server closes or `ms` pass. Returns the status line's code, 0 for none.
 */
export function rawRequest(port: number, bytes: Buffer, ms = 3000): Promise<{ status: number; head: string }> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      ok({ status: m ? Number(m[1]) : 0, head: text.slice(0, 300) });
    };
    const timer = setTimeout(finish, ms);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes);
  });
}

/** GET /health with a deadline: the status and how long it took, or 0 when it did not answer in time. */
export async function health(url: string, deadlineMs: number): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(deadlineMs) });
    await res.text();
    return { status: res.status, ms: performance.now() - t };
  } catch {
    return { status: 0, ms: performance.now() - t };
  }
}
