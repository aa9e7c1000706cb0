import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One owner per embedded database directory. The owner is written to
 * `<dir>.owner/lock.json` (a private folder beside the data folder, mode 0700,
 * which also holds the owner's socket): pid, what it is, where to reach it.
 *
 * The file appears whole or not at all: it is written under a temporary name
 * and hard-linked into place, and link() fails if the name exists, so two
 * processes can never both win. A lock whose process is gone (crash, kill -9,
 * reboot) is stale and is taken over; the process's start time is compared
 * too, so a pid reused by another program does not keep a dead lock alive.
 */
export interface OwnerInfo {
  pid: number;
  /** The process's start time (Linux /proc), null where it cannot be read. */
  started: string | null;
  host: string;
  /** "server" serves the database on `socket`; a CLI command holds it only while it runs. */
  role: 'server' | 'cli';
  /** What runs, for messages: "serve", "import", … */
  command: string;
  socket: string | null;
  since: string;
  nonce: string;
}

export interface HeldLock {
  info: OwnerInfo;
  release(): void;
}

export type LockAttempt = { held: HeldLock } | { owner: OwnerInfo } | { retry: true };

/** The private folder beside a data folder for the lock and the socket. */
export function ownerDir(dataDir: string): string {
  const dir = `${dataDir}.owner`;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the process named in the lock still the one that wrote it? Another host's process cannot be checked: it counts as alive. */
function ownerAlive(info: OwnerInfo): boolean {
  if (info.host !== hostname()) return true;
  if (!alive(info.pid)) return false;
  const now = startTime(info.pid);
  return info.started === null || now === null || now === info.started;
}

function parse(text: string): OwnerInfo | null {
  try {
    const v = JSON.parse(text) as Partial<OwnerInfo>;
    return typeof v.pid === 'number' && typeof v.nonce === 'string' ? (v as OwnerInfo) : null;
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const TAKEOVER_STALE_MS = 5_000;

/**
 * Removes a stale lock, guarded by `<lock>.takeover` so that two processes
 * that both saw the same dead owner cannot remove each other's fresh lock.
 */
function removeStale(lockPath: string, staleText: string): void {
  const guard = `${lockPath}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    // Someone else is taking over; a guard left by a crash in these few lines is cleared after a while.
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone already
    }
    return;
  }
  try {
    if (readText(lockPath) === staleText) rmSync(lockPath, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

/** One attempt to become the owner of dataDir. */
export function tryLock(dataDir: string, what: Pick<OwnerInfo, 'role' | 'command' | 'socket'>): LockAttempt {
  const lockPath = join(ownerDir(dataDir), 'lock.json');
  const info: OwnerInfo = { pid: process.pid, started: startTime(process.pid), host: hostname(), ...what, since: new Date().toISOString(), nonce: randomUUID() };
  const tmp = `${lockPath}.${process.pid}.${info.nonce}.tmp`;
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600, flush: true });
  try {
    linkSync(tmp, lockPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const text = readText(lockPath);
    if (text === null) return { retry: true };
    const owner = parse(text);
    if (owner && ownerAlive(owner)) return { owner };
    removeStale(lockPath, text);
    return { retry: true };
  } finally {
    rmSync(tmp, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    if (parse(readText(lockPath) ?? '')?.nonce === info.nonce) rmSync(lockPath, { force: true });
  };
  // A crash that still runs exit handlers frees the lock at once; kill -9 leaves it stale.
  process.on('exit', release);
  return { held: { info, release } };
}
