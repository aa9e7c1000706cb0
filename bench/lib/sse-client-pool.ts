/**
 * A set of subscriber processes (sse-clients.ts) driven as one: open N
 * streams spread over them, count and collect an event's receipts.
 */
import { fork, type ChildProcess } from 'node:child_process';

type Reply = { ask: number; error?: string } & Record<string, unknown>;

export class ClientPool {
  private readonly procs: ChildProcess[];
  private readonly waiting = new Map<number, (r: Reply) => void>();
  private asked = 0;

  constructor(processes: number) {
    this.procs = Array.from({ length: processes }, () => {
      const p = fork(new URL('./sse-clients.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      p.on('message', (r: Reply) => {
        this.waiting.get(r.ask)?.(r);
        this.waiting.delete(r.ask);
      });
      return p;
    });
  }

  private ask(p: ChildProcess, m: object): Promise<Reply> {
    const ask = ++this.asked;
    return new Promise((ok, fail) => {
      this.waiting.set(ask, (r) => (r.error ? fail(new Error(r.error)) : ok(r)));
      p.send({ ask, ...m });
    });
  }

  private all(m: object): Promise<Reply[]> {
    return Promise.all(this.procs.map((p) => this.ask(p, m)));
  }

  /** Opens urls[i] for each i, round-robin over the processes; resolves when every stream has had its first message. */
  async open(urls: string[], by: 'round' | 'id'): Promise<void> {
    await Promise.all(this.procs.map((p, k) => this.ask(p, { open: { urls: urls.filter((_, i) => i % this.procs.length === k), by } })));
  }

  async count(key: string): Promise<number> {
    return (await this.all({ count: key })).reduce((a, r) => a + Number(r.count), 0);
  }

  /** The receipt times of an event (performance.timeOrigin + now), from every process. */
  async take(key: string): Promise<number[]> {
    return (await this.all({ take: key })).flatMap((r) => r.times as number[]);
  }

  /** Ends every stream and process; returns the duplicates counted, by kind of stream. */
  async close(): Promise<Record<'round' | 'id', number>> {
    const dup = { round: 0, id: 0 };
    for (const r of await this.all({ close: true })) {
      const d = r.duplicates as typeof dup;
      dup.round += d.round;
      dup.id += d.id;
    }
    for (const p of this.procs) p.kill('SIGTERM');
    return dup;
  }
}
