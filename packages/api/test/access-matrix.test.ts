import { boards, deviceTokens } from '@lagesbild/db';
import { openTestDatabase, TEST_DB_KINDS, type TestDatabase } from '@lagesbild/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerContext, type Context, type Scope, type SessionUser } from '../src/context.js';
import { appRouter } from '../src/root.js';
import { insertFixture } from './fixture.js';
import { RULES, type Caller } from './access-rules.js';

/**
 * Every role against every procedure, default deny: the rule table in
 * access-rules.ts must name every procedure of the router (a new procedure
 * without a rule fails here), and each caller must be let through exactly
 * where the rule says. A unit manager (enhetschef of B) and a wall screen
 * (board on B) are tried on their own unit and on another (C).
 */
const user = (id: string, roles: SessionUser['roles'], userId: number | null = 1): SessionUser => ({ id, userId, name: id, roles });
const CALLERS: Record<Caller, { user: SessionUser | null; scope: Scope; device?: Context['device'] }> = {
  anonymous: { user: null, scope: { kind: 'units', units: [] } },
  noRole: { user: user('utan-roll', []), scope: { kind: 'units', units: [] } },
  admin: { user: user('admin', ['admin']), scope: { kind: 'all' } },
  chef: { user: user('chef', ['forvaltningschef']), scope: { kind: 'all' } },
  analyst: { user: user('analytiker', ['analytiker']), scope: { kind: 'all' } },
  manager: { user: user('enhetschef', ['enhetschef']), scope: { kind: 'units', units: ['B'] } },
  device: { user: user('device:1', [], null), scope: { kind: 'units', units: ['B'] }, device: { id: 1, boardId: 1 } },
};

type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';

function procedurePaths(): string[] {
  return Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures).sort();
}

async function call(ctx: Context, path: string, input: unknown): Promise<Outcome> {
  let target: unknown = appRouter.createCaller(ctx);
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  try {
    const result = await (target as (i: unknown) => Promise<unknown>)(input);
    // A subscription answers with a stream: passing the gate is what counts; close it at once.
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    }
    return 'ok';
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN')) return err.code;
    return 'ok'; // Past the gate: a missing row or a bad period is not an access decision.
  }
}

describe.each(TEST_DB_KINDS)('access matrix on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await insertFixture(database.db);
    const [board] = await database.db
      .insert(boards)
      .values({ orgId: 'test-org', name: 'Tavla B', slides: [{ kind: 'overview', unit: 'B', period: 'latest', seconds: 20 }], createdBy: 'test' })
      .returning();
    await database.db.insert(deviceTokens).values({ orgId: 'test-org', boardId: board?.id ?? 0, name: 'Skärm', tokenHash: 'x'.repeat(64), createdBy: 'test' });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('has a rule for every procedure, and none for a procedure that does not exist', () => {
    expect(Object.keys(RULES).sort()).toEqual(procedurePaths());
  });

  for (const [path, rule] of Object.entries(RULES)) {
    it(`${path}: ${rule.describe}`, async () => {
      for (const [name, who] of Object.entries(CALLERS) as [Caller, (typeof CALLERS)[Caller]][]) {
        const ctx = callerContext(database.db, 'test-org', who);
        for (const unit of rule.scoped ? ['B', 'C'] : ['B']) {
          const expected = rule.expect(name, unit);
          const got = await call(ctx, path, rule.input(unit));
          expect({ path, caller: name, unit, outcome: got }).toEqual({ path, caller: name, unit, outcome: expected });
        }
      }
    });
  }
});
