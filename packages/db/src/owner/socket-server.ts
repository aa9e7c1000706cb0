import { rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves the owner's PGlite over the PostgreSQL wire protocol on a local
 * socket, so CLI commands reach the one process that may open the directory.
 *
 * Why not @electric-sql/pglite-socket: its queue takes only PGlite's query
 * mutex, so a socket client's statement can land inside the owner's own
 * drizzle transaction (which holds the transaction mutex between statements),
 * and two connections' Parse/Bind/Execute can interleave outside a
 * transaction. PGlite has one session; here a connection holds PGlite's
 * transaction mutex — the one `query`, `exec` and `transaction` take — from
 * its first message until the backend says "idle, no transaction"
 * (ReadyForQuery 'I'). So a socket client and the owner's in-process code are
 * serialised per transaction, exactly as two PGlite callers in one process are.
 *
 * NOTIFY: execProtocol runs the output through PGlite's own parser, which
 * calls the in-process listeners, so the owner's LISTEN (the event bus) hears
 * a CLI's import at its commit (socket.test.ts checks it still does).
 */
export interface SocketServerOptions {
  /** A connection that keeps a transaction open this long without sending anything is cut (rolled back). */
  holdTimeoutMs?: number;
}

export interface SocketServer {
  readonly path: string;
  /** Stops accepting, waits for running transactions to end, closes every connection. */
  close(): Promise<void>;
}

const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);

/** A simple-protocol Query message. */
function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const msg = Buffer.alloc(5 + body.length);
  msg.write('Q', 0, 'latin1');
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return msg;
}

/** The status of the last ReadyForQuery in the backend's output, if any: I idle, T in a transaction, E in a failed one. */
function lastReady(data: Uint8Array): string | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let ready: string | null = null;
  for (let i = 0; i + 5 <= buf.length; i += 1 + buf.readInt32BE(i + 1)) {
    if (buf[i] === 0x5a) ready = String.fromCharCode(buf[i + 5] ?? 0);
  }
  return ready;
}

/** Splits the client's bytes into messages; the first ones (startup, SSL request) have no type byte. */
class MessageReader {
  private buf = Buffer.alloc(0);
  private started = false;

  push(chunk: Buffer): Uint8Array[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const messages: Uint8Array[] = [];
    for (;;) {
      const header = this.started ? 5 : 4;
      if (this.buf.length < header) break;
      const length = this.started ? 1 + this.buf.readInt32BE(1) : this.buf.readInt32BE(0);
      if (length < header - 1 || this.buf.length < length) break;
      const msg = this.buf.subarray(0, length);
      this.buf = this.buf.subarray(length);
      // An SSLRequest (code 80877103) is followed by the real startup message, also untyped.
      if (!this.started && msg.length === 8 && msg.readInt32BE(4) === 80877103) messages.push(new Uint8Array(0));
      else {
        this.started = true;
        messages.push(new Uint8Array(msg));
      }
    }
    return messages;
  }
}

class Connection {
  private readonly reader = new MessageReader();
  private readonly queue: Uint8Array[] = [];
  private running = false;
  private closed = false;
  /** Set while this connection holds PGlite's transaction mutex. */
  private release: (() => void) | null = null;
  private idle = true;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly pg: PGlite,
    private readonly socket: Socket,
    private readonly holdTimeoutMs: number,
    private readonly onGone: () => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.queue.push(...this.reader.push(chunk));
      } catch {
        socket.destroy();
        return;
      }
      void this.run();
    });
    socket.on('error', () => socket.destroy());
    // 'end' is the client's half-close; do not wait for the full 'close' to release the mutex.
    const gone = () => {
      this.closed = true;
      void this.run();
    };
    socket.on('end', gone);
    socket.on('close', gone);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private async acquire(): Promise<void> {
    await new Promise<void>((granted) => {
      void this.pg._runExclusiveTransaction(
        () =>
          new Promise<void>((release) => {
            this.release = release;
            granted();
          }),
      );
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.holdTimer) clearTimeout(this.holdTimer);
    try {
      while (this.queue.length > 0 && !this.closed) {
        const msg = this.queue.shift() ?? new Uint8Array(0);
        if (msg.length === 0) {
          this.socket.write('N'); // no TLS on a local socket
          continue;
        }
        if (msg[0] === 0x58) {
          // Terminate: the client is done. Roll back now rather than wait for the socket's
          // 'close', which a loaded machine may deliver late while the server waits for the mutex.
          this.closed = true;
          this.socket.end();
          break;
        }
        if (!this.release) await this.acquire();
        if (this.closed) break;
        // execProtocol (not Raw): the same bytes, parsed per message and then dropped, errors left to the client.
        const { data } = await this.pg._runExclusiveQuery(() => this.pg.execProtocol(msg, { throwOnError: false }));
        if (data.length > 0) this.socket.write(data);
        const ready = lastReady(data);
        if (ready !== null) this.idle = ready === 'I';
        else if (msg[0] !== 0) this.idle = false;
        // Between transactions: let the owner's requests (and other clients) in.
        if (this.idle) this.letGo();
      }
      if (this.closed) await this.cleanUp();
      else if (this.release) this.holdTimer = setTimeout(() => this.socket.destroy(), this.holdTimeoutMs);
    } catch {
      this.socket.destroy();
      await this.cleanUp();
    } finally {
      this.running = false;
    }
  }

  private letGo(): void {
    this.release?.();
    this.release = null;
  }

  /** A client gone mid-transaction leaves nothing behind: end its extended-protocol batch and roll back. */
  private async cleanUp(): Promise<void> {
    if (this.release) {
      await this.pg
        ._runExclusiveQuery(async () => {
          if (!this.idle) await this.pg.execProtocolRaw(SYNC);
          if (this.pg.isInTransaction()) await this.pg.execProtocolRaw(simpleQuery('ROLLBACK'));
        })
        .catch(() => {});
      this.letGo();
    }
    this.onGone();
  }
}

export async function serveSocket(pg: PGlite, path: string, opts: SocketServerOptions = {}): Promise<SocketServer> {
  const connections = new Set<Connection>();
  const server = createServer((socket) => {
    const c = new Connection(pg, socket, opts.holdTimeoutMs ?? 60_000, () => connections.delete(c));
    connections.add(c);
  });
  // Only the lock's holder gets here, so a file at the path is a crashed owner's leftover.
  rmSync(path, { force: true });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  return {
    path,
    close: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      // Holding the transaction mutex means no client is inside a transaction: cut them between two.
      await pg._runExclusiveTransaction(async () => {
        for (const c of connections) c.destroy();
      });
      await closed;
      rmSync(path, { force: true });
    },
  };
}
