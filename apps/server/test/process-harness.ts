import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppRouter } from '@lagesbild/api';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { CliRun } from './cli-harness.js';
import { inheritedEnv } from './env.js';

/**
 * The CLI and the server as separate processes, started exactly as
 * `pnpm lagesbild …` starts them (bin.ts under tsx, from the repository root):
 * what matters here is what two processes on one data folder do.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = 'apps/server/src/cli/bin.ts';

/** Only the data folder decides: never a DATABASE_URL from the test environment. */
const envFor = (dataDir: string): NodeJS.ProcessEnv => ({ ...inheritedEnv, DATABASE_URL: '', LAGESBILD_DATA_DIR: dataDir, INIT_CWD: ROOT, PORT: '0' });

function start(dataDir: string, args: string[]): ChildProcess {
  // tsx as a loader in one process (the tsx binary would add a parent that a SIGKILL leaves the server behind).
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, env: envFor(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** One command; one that hangs (a second server that did not refuse) is killed after timeoutMs, never left running. */
export function lagesbild(dataDir: string, ...args: string[]): Promise<CliRun> {
  const timeoutMs = 150_000;
  const child = start(dataDir, args);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => {
    err += `\n[killed after ${timeoutMs} ms]`;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((ok) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code: code ?? -1, out: out.trim(), err: err.trim() });
    }),
  );
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** The demo admin's one-time sign-in link, new at every start. */
  loginLink: string;
  output: () => string;
  /** SIGTERM (as Ctrl+C) or SIGKILL (a crash); resolves with the exit code. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

/** `pnpm lagesbild serve --demo` on a free port; resolves once it prints its sign-in link. */
export function startServerProcess(dataDir: string, timeoutMs = 150_000): Promise<ServerProcess> {
  const child = start(dataDir, ['serve', '--demo']);
  let output = '';
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`server did not start: ${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const link = /engångslänk, 15 min\): (http:\/\/[^/\s]+)(\/auth\/open\?token=\S+)/.exec(output);
      if (!link?.[1] || !link[2]) return;
      clearTimeout(timer);
      ok({
        url: link[1],
        pid: child.pid ?? 0,
        loginLink: link[1] + link[2],
        output: () => output,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => fail(new Error(`server exited (${code}): ${output}`)));
  });
}

/** Redeems a sign-in link: the session cookie. */
export async function signIn(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.includes('=')) throw new Error(`no session from ${link}: ${res.status}`);
  return cookie;
}

/** A signed-in browser's tRPC client: queries over HTTP, the live stream over SSE, both with the cookie. */
export function sessionClient(url: string, cookie: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          eventSourceOptions: { fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie } }) },
        }),
        false: httpLink({ url: `${url}/trpc`, headers: { cookie } }),
      }),
    ],
  });
}
