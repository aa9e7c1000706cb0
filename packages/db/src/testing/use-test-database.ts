import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../client.js';
import { openTestDatabase, type TestDatabase, type TestDbKind } from './open.js';

/**
 * The database of one describe block. It stands for the database opened in
 * beforeAll, so tests pass it wherever a TestDatabase goes; reading it before
 * then is a mistake in the test and throws.
 */
class DescribeDatabase implements TestDatabase {
  opened: TestDatabase | null = null;
  private get current(): TestDatabase {
    if (!this.opened) throw new Error('the test database is opened in beforeAll');
    return this.opened;
  }
  get db(): Db {
    return this.current.db;
  }
  get kind() {
    return this.current.kind;
  }
  get location() {
    return this.current.location;
  }
  get url() {
    return this.current.url;
  }
  get share() {
    return this.current.share;
  }
  migrate = () => this.current.migrate();
  close = () => this.current.close();
  dispose = () => this.current.dispose();
}

/**
 * The one database-test setup: a fresh migrated database for the enclosing
 * describe block, filled by `fill` in beforeAll, and disposed in afterAll
 * after `close` (for what the tests opened on it: servers, buses, connections).
 */
export function useTestDatabase(
  kind: TestDbKind,
  fill: (database: TestDatabase) => Promise<unknown> = async () => undefined,
  close: (database: TestDatabase) => Promise<unknown> = async () => undefined,
): TestDatabase {
  const handle = new DescribeDatabase();
  beforeAll(async () => {
    handle.opened = await openTestDatabase(kind);
    await fill(handle.opened);
  });
  afterAll(async () => {
    const opened = handle.opened;
    if (!opened) return;
    try {
      await close(opened);
    } finally {
      await opened.dispose();
    }
  });
  return handle;
}
