import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLoginLink, createUser, listUsers } from '@lagesbild/api';
import { seedDemo } from '@lagesbild/db';
import { openTestDatabase, type TestDatabase } from '@lagesbild/db/testing';
import { BODY_LIMIT_PUBLIC, MAX_BATCH_SIZE } from '@lagesbild/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/http/server.js';

/** Sends a raw request target (fetch would normalise or refuse it) and reads the answer. */
export function rawGet(base: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path: target, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * Requests outside tRPC that used to end the process or leak: a malformed
 * %-escape, a sibling folder reached through an encoded "..", a sign-in link
 * burnt by an unencodable "next", and bodies read before the caller is known.
 */
describe('hardened HTTP edges', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const logged: string[] = [];
  const root = mkdtempSync(join(tmpdir(), 'lagesbild-hard-'));
  const staticDir = join(root, 'dist');

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lägesbild</title>');
    // A sibling whose name starts like the served folder's: "dist-old" begins with "dist".
    mkdirSync(join(root, 'dist-old'));
    writeFileSync(join(root, 'dist-old', 'secret.txt'), 'hemlig fil utanför dist');
    database = await openTestDatabase('pglite');
    await seedDemo(database.db);
    await createUser(database.db, 'katrineholm', { username: 'eva', displayName: 'Eva', password: null, roles: [{ role: 'enhetschef', unit: 'BU' }] }, { id: 'test', ip: null });
    server = await startServer({ database, orgId: 'katrineholm', port: 0, staticDir, log: (l) => logged.push(l) });
  });
  afterAll(async () => {
    await server.close();
    await database.dispose();
  });

  const healthy = async () => expect((await fetch(`${server.url}/health`)).status).toBe(200);

  it('answers a malformed %-escape with 400 in Swedish, logs it, and keeps serving', async () => {
    const res = await rawGet(server.url, '/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toContain('Adressen är felaktig');
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(logged.some((l) => l.includes('400') && l.includes('%E0%A4%A'))).toBe(true);
    const api = await rawGet(server.url, '/trpc/%E0%A4%A', { accept: 'application/json' });
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect(api.status).toBeLessThan(500);
    expect(() => JSON.parse(api.body) as unknown).not.toThrow();
    await healthy();
  });

  it('never serves a file from a sibling folder whose name starts like the served one', async () => {
    const res = await rawGet(server.url, '/..%2fdist-old%2fsecret.txt');
    expect(res.body).not.toContain('hemlig');
    expect(res.body).toContain('<title>Lägesbild</title>');
    const plain = await rawGet(server.url, '/../dist-old/secret.txt');
    expect(plain.body).not.toContain('hemlig');
  });

  it('a sign-in link with an unencodable next= still signs in once, to an encoded path', async () => {
    const eva = (await listUsers(database.db, 'katrineholm')).find((u) => u.username === 'eva');
    if (!eva) throw new Error('eva');
    const token = await createLoginLink(database.db, 'katrineholm', eva.id, { id: 'test', ip: null });
    const res = await rawGet(server.url, `/auth/open?token=${token}&next=${encodeURIComponent('/€')}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/%E2%82%AC');
    expect(String(res.headers['set-cookie'])).toMatch(/^lb_session=/);
    // Broken escapes in next= are refused before the link is spent: the link then still works.
    const second = await createLoginLink(database.db, 'katrineholm', eva.id, { id: 'test', ip: null });
    const bad = await rawGet(server.url, `/auth/open?token=${second}&next=/%E0%A4%A`);
    expect(bad.status).toBe(303);
    expect(String(bad.headers['set-cookie'])).toMatch(/^lb_session=/);
  });

  it(`refuses a large body before sign-in with 413 in Swedish, before reading it`, async () => {
    const huge = 60 * 1024 * 1024;
    const started = performance.now();
    const res = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const { hostname, port } = new URL(server.url);
      const req = request(
        { hostname, port, path: '/trpc/import.commit', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': huge, 'x-csrf-token': 'x' } },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => ok({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      // Only the start of the body is sent: the answer must come without the rest.
      req.on('error', fail);
      req.write('{"fileName":"a.csv","contentBase64":"');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } });
    expect(res.body).toContain('Begäran är för stor');
    expect(performance.now() - started).toBeLessThan(30_000);
    // Sent chunked (no length declared), it is cut off at the limit by tRPC, in Swedish.
    // `duplex` is Node's (undici's) RequestInit; the DOM's, which a dependency's types bring in, does not know it.
    const chunkedInit: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`{"username":"${'a'.repeat(BODY_LIMIT_PUBLIC * 2)}"}`));
          c.close();
        },
      }),
      duplex: 'half',
    };
    const chunked = await fetch(`${server.url}/trpc/auth.login`, chunkedInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toContain('Begäran är för stor');
    await healthy();
  });

  it('keeps reading a refused body until it is sent, so the sender reads the 413 rather than a reset connection', async () => {
    const { hostname, port } = new URL(server.url);
    const size = 8 * 1024 * 1024;
    const socket = connect({ host: hostname, port: Number(port) });
    const errors: Error[] = [];
    socket.on('error', (e) => errors.push(e));
    let answer = '';
    const answered = new Promise<void>((ok) => socket.on('data', (c: Buffer) => ((answer += c.toString('latin1')), answer.includes('\r\n\r\n') && ok())));
    const head = `POST /trpc/auth.login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-csrf-token: x\r\ncontent-length: ${size}\r\n\r\n`;
    socket.write(head + 'a'.repeat(64 * 1024));
    await answered;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // The rest of the body after the refusal, as a client that does not read early answers sends it.
    const rest = Buffer.alloc(size - 64 * 1024, 0x61);
    await new Promise<void>((ok) => socket.write(rest, () => ok()));
    await new Promise((ok) => setTimeout(ok, 300));
    expect(errors.map((e) => e.message)).toEqual([]);
    socket.destroy();
    await healthy();
  });

  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls with 400 in Swedish`, async () => {
    const paths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'auth.me').join(',');
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1&input={}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('För många anrop');
  });
});
