import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { health, rawRequest, startServerProcess, type ServerProcess } from './fuzz-harness.js';

const PROCEDURES = [
  'auth.me',
  'auth.login',
  'auth.organisation',
  'auth.logout',
  'overview.get',
  'series.get',
  'drilldown.get',
  'kpi.list',
  'unit.tree',
  'comment.list',
  'comment.add',
  'target.get',
  'board.list',
  'board.screen',
  'import.preview',
  'import.commit',
  'import.batches',
  'user.list',
  'audit.list',
  'live.events',
];

const hex = fc.constantFrom(...'0123456789abcdefABCDEFgz'.split(''));
/** %-escapes: valid, truncated, invalid UTF-8 sequences, encoded dots, slashes and NUL. */
const escape = fc.oneof(
  fc.tuple(hex, hex).map(([a, b]) => `%${a}${b}`),
  hex.map((a) => `%${a}`),
  fc.constant('%'),
  fc.constantFrom('%E0%A4%A', '%C0%AF', '%FF%FE', '%ED%A0%80', '%2e%2e', '%2f', '%5c', '%00', '%E2%82%AC', '%25'),
);
function escapeChar(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    // A lone surrogate has no UTF-8: write the bytes a careless client would (an invalid sequence).
    return '%ED%A0%80';
  }
}
/** Text as a client would write it in a target: spaces and controls escaped (a raw space would end the request line). */
const urlText = (max: number) =>
  fc.string({ maxLength: max, unit: 'binary' }).map((t) => [...t].map((c) => (c <= ' ' || c >= '\x7f' || c === '#' || c === '?' ? escapeChar(c) : c)).join(''));
const segment = fc.oneof(
  fc.constantFrom('..', '.', '', 'assets', 'index.html', 'dist-old', '..%2fdist-old', 'skarm', 'trpc', 'health', 'auth', 'open', '€', 'ä'),
  urlText(12),
  fc.array(escape, { maxLength: 6 }).map((a) => a.join('')),
);
const path = fc.tuple(fc.constantFrom('/', '/trpc/', '/auth/open', '/assets/', '/skarm/', '//', '/health/'), fc.array(segment, { maxLength: 8 })).map(([p, s]) => p + s.join('/'));
const longPath = fc.integer({ min: 1000, max: 20_000 }).map((n) => `/${'a/'.repeat(n / 2)}`);
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
const period = fc.oneof(fc.constantFrom('0001-01:9999-12', '2013-01:2022-12', '2022-T4', '2022', 'x', '2022-13'), fc.string({ maxLength: 20 }));
const procedureInput = fc.oneof(
  json,
  fc.record({ unit: fc.constantFrom('SOC', 'BU', 'NOPE'), period, kpi: fc.constantFrom('hushall-utbetalt', 'sjukfranvaro', '??') }).map((o) => JSON.stringify(o)),
  fc.record({ lastEventId: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e308', '99999999999999999999', '0x10', 'NaN')) }).map((o) => JSON.stringify(o)),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('input', 'batch', 'token', 'next', 'org', 'x'), fc.oneof(urlText(40), escape, procedureInput.map(encodeURIComponent))), { maxLength: 4 })
    .map((kv) => `?${kv.map(([k, v]) => `${k}=${v}`).join('&')}`),
);
/** tRPC calls, batched or not, with real and made-up procedure names and inputs. */
const trpcTarget = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...PROCEDURES), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 14 }),
    fc.boolean(),
    fc.array(procedureInput, { maxLength: 14 }),
  )
  .map(([procs, batch, inputs]) =>
    batch
      ? `/trpc/${procs.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((v, i) => [i, v]))))}`
      : `/trpc/${procs[0] ?? 'auth.me'}?input=${encodeURIComponent(inputs[0] ?? '{}')}`,
  );
/** The live stream as EventSource resumes it: input.lastEventId and the Last-Event-ID header. */
const sseTarget = procedureInput.map((i) => `/trpc/live.events?input=${encodeURIComponent(i)}`);
/** Raw bytes in the target, invalid UTF-8 and all (a client need not escape anything). */
const rawTarget = fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => `/${Buffer.from(b.map((x) => (x <= 0x20 || x === 0x7f ? 0x41 : x))).toString('latin1')}`);
const target = fc.oneof(
  { arbitrary: fc.tuple(path, query).map(([p, q]) => p + q), weight: 4 },
  { arbitrary: rawTarget, weight: 1 },
  { arbitrary: trpcTarget, weight: 4 },
  { arbitrary: sseTarget, weight: 1 },
  { arbitrary: longPath, weight: 1 },
);
const headerName = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'cookie',
      'content-type',
      'accept',
      'x-csrf-token',
      'x-device-token',
      'x-forwarded-for',
      'x-forwarded-proto',
      'last-event-id',
      'user-agent',
      'range',
    ),
    weight: 8,
  },
  // Framing headers with a wrong value make the parser refuse the request: tried, but rarely.
  { arbitrary: fc.constantFrom('content-length', 'transfer-encoding', 'host'), weight: 1 },
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), weight: 3 },
);
/** Header values as bytes: printable, Latin-1, UTF-8 (invalid too), and the odd control character. */
const headerValue = fc.oneof(
  { arbitrary: fc.string({ maxLength: 60 }), weight: 4 },
  { arbitrary: fc.constantFrom('application/json', 'application/json', 'text/event-stream', 'chunked', '-1', '99999999999'), weight: 3 },
  { arbitrary: fc.constantFrom('lb_session=%E0%A4%A; lb_device=%', 'lb_session=; ; ;=;', '\u00ff\u00fe'), weight: 1 },
  // Control characters other than tab end the header (or the request) at the parser, which answers 400 before
  // any of our code runs: a few keep that path tried, the rest become letters so the request gets through.
  { arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b.map((x) => ((x < 0x20 && x !== 9) || x === 0x7f ? 0x61 : x))).toString('latin1')), weight: 2 },
  { arbitrary: fc.constantFrom('a\rb', 'a\nb', 'a\0b'), weight: 1 },
);
const cookie = (s: ServerProcess) =>
  fc.oneof(
    fc.constant(`lb_session=${s.session}`),
    fc.constant(`lb_device=${s.deviceToken}`),
    fc.string({ maxLength: 80 }).map((v) => `lb_session=${v}`),
    fc.array(escape, { maxLength: 10 }).map((e) => `lb_session=${e.join('')}; lb_device=${e.join('')}`),
    fc.constant(''),
  );
const body = fc.oneof(
  fc.constant(''),
  json,
  procedureInput,
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.from(b).toString('latin1')),
);

interface Sent {
  method: string;
  target: string;
  headers: [string, string][];
  cookie: string;
  body: string;
  signedIn: boolean;
}

function bytesOf(r: Sent): Buffer {
  const body = Buffer.from(r.body, 'latin1');
  const lines = [`${r.method} ${r.target} HTTP/1.1`, 'host: 127.0.0.1', ...r.headers.map(([k, v]) => `${k}: ${v}`)];
  if (r.cookie) lines.push(`cookie: ${r.cookie}`);
  if (r.signedIn) lines.push('x-csrf-token: fuzz');
  // tRPC reads only JSON bodies (else 415 before any procedure): POSTs say JSON unless the case sets its own type.
  if (r.method === 'POST' && !r.headers.some(([k]) => k === 'content-type')) lines.push('content-type: application/json');
  if (!r.headers.some(([k]) => k === 'content-length' || k === 'transfer-encoding')) lines.push(`content-length: ${body.length}`);
  lines.push('connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/**
 * Whatever a client sends — any path, escape, header, cookie, body, batch or
 * stream position, signed in or not — the server process stays up, answers
 * no 5xx (an unexpected exception), and /health answers 200 within a second
 * after every request. Runs a real `lagesbild serve` process.
 */
describe('HTTP fuzz against a running server process', () => {
  let server: ServerProcess;
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('survives every generated request, and /health answers quickly after each', async () => {
    const request = fc.record({
      // Mostly methods the parser knows (an unknown one is refused by Node before our code), now and then any.
      method: fc.oneof(
        { arbitrary: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'DELETE'), weight: 12 },
        { arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/), weight: 1 },
      ),
      target,
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
      cookie: cookie(server),
      body,
      signedIn: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const sent: Sent = { ...r, cookie: r.signedIn ? `lb_session=${server.session}` : r.cookie };
        const answer = await rawRequest(server.port, bytesOf(sent));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500 && answer.status !== 503) serverErrors.push(`${answer.status} ${sent.method} ${sent.target.slice(0, 200)}`);
        expect(server.child.exitCode, `the server process ended after ${sent.method} ${sent.target.slice(0, 200)}`).toBeNull();
        const h = await health(server.url, 1000);
        expect(h.status, `/health after ${sent.method} ${sent.target.slice(0, 200)} (${Math.round(h.ms)} ms)`).toBe(200);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: false },
    );
    console.log(`fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(serverErrors).toEqual([]);
    expect(server.stderr()).not.toMatch(/uncaughtException|unhandledRejection/);
    expect(server.stderr()).not.toContain('Serverfel');
    // Enough requests ran to mean something, even on a slow machine.
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(100);
  }, 400_000);
});
