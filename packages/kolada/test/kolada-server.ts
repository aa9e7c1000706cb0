import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the recorded server does for one request to a path: answer, fail, or hang past the client's timeout. */
export type Reply = { json: unknown } | { status: number } | { hangMs: number; then?: Reply } | { raw: string };

export interface KoladaStub {
  baseUrl: string;
  /** Requests per path, in order. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that plays `script(origin)[path]` in order; the last reply repeats.
 * The script gets the server's origin because Kolada's next_page links are absolute.
 */
export async function startKoladaStub(scriptOf: (origin: string) => Record<string, Reply[]>): Promise<KoladaStub> {
  let script: Record<string, Reply[]> = {};
  const hits = new Map<string, number>();
  const play = (reply: Reply, res: ServerResponse): void => {
    if ('json' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
    } else if ('raw' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(reply.raw);
    } else if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end('fel');
    } else {
      const then = reply.then;
      setTimeout(() => (then && !res.destroyed ? play(then, res) : res.destroy()), reply.hangMs).unref();
    }
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const replies = script[path];
    const reply = replies?.[Math.min(n, replies.length - 1)];
    if (!reply) return void res.writeHead(404).end();
    play(reply, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  script = scriptOf(`http://127.0.0.1:${port}`);
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
