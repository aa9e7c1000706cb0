/**
 * SSE subscribers in a process of their own: sse-fanout.ts starts several,
 * so that 10 000 readers are not one event loop in the bench process (which
 * then measures its own backlog, not the servers'). Each stream is a plain
 * node:http GET; a receipt is timed on the clock all processes share
 * (performance.timeOrigin + now), and kept per event key until asked for.
 *
 * Messages from the parent, each answered with the same `ask` number:
 *   { ask, open: { urls, by } }  open the streams ('round': the bare server's
 *                                payload; 'id': a Lägesbild event's id)
 *   { ask, count: key }          how many streams have the event
 *   { ask, take: key }           their receipt times (then forgotten)
 *   { ask, close: true }         end every stream; the answer counts duplicates by kind
 */
import { get, type ClientRequest } from 'node:http';
import { messageFeed } from './sse-parse.js';

type By = 'round' | 'id';
type Ask = { ask: number } & ({ open: { urls: string[]; by: By } } | { count: string } | { take: string } | { close: true });

const requests: ClientRequest[] = [];
const times = new Map<string, number[]>();
const duplicates: Record<By, number> = { round: 0, id: 0 };
let closing = false;
const clock = () => performance.timeOrigin + performance.now();

function keyOf(data: string, by: By): string | null {
  if (by === 'round') return data.startsWith('round-') ? data : null;
  // A Lägesbild event is known by its id (a screen is not sent the note); status messages have none.
  const id = (JSON.parse(data) as { id?: unknown }).id;
  return typeof id === 'number' ? String(id) : null;
}

/** Opens one stream; resolves at its first message (the stream is then attached). */
function open(url: string, by: By): Promise<void> {
  return new Promise((connected, fail) => {
    const seen = new Set<string>();
    const req = get(url, { headers: { accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`${url}: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on(
        'data',
        messageFeed(connected, (data) => {
          const key = keyOf(data, by);
          if (key === null) return;
          if (seen.has(key)) duplicates[by]++;
          else {
            seen.add(key);
            (times.get(key) ?? times.set(key, []).get(key))?.push(clock());
          }
        }),
      );
    });
    req.on('error', (err) => {
      if (!closing) fail(err);
    });
    requests.push(req);
  });
}

process.on('message', (m: Ask) => {
  const reply = (x: object) => process.send?.({ ask: m.ask, ...x });
  if ('open' in m) {
    void (async () => {
      const { urls, by } = m.open;
      // In bursts, as screens reconnect, not as one SYN flood.
      for (let i = 0; i < urls.length; i += 50) await Promise.all(urls.slice(i, i + 50).map((u) => open(u, by)));
      reply({ opened: urls.length });
    })().catch((err: unknown) => reply({ error: String(err) }));
  } else if ('count' in m) reply({ count: times.get(m.count)?.length ?? 0 });
  else if ('take' in m) {
    reply({ times: times.get(m.take) ?? [] });
    times.delete(m.take);
  } else {
    closing = true;
    for (const r of requests) r.destroy();
    reply({ duplicates });
  }
});
