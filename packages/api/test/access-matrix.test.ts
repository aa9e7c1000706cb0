import type { IncomingMessage, ServerResponse } from 'node:http';
import { boards, deviceTokens } from '@lagesbild/db';
import { openTestDatabase, TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { requestContext } from '../src/access/request-context.js';
import { callerContext, type Context, type Scope, type SessionUser } from '../src/context.js';
import { createDeviceToken, revokeDeviceToken } from '../src/services/boards.js';
import { appRouter } from '../src/root.js';
import { unitProcedure } from '../src/access/unit-procedure.js';
import { readProcedure, router } from '../src/trpc.js';
import { z } from 'zod';
import { insertFixture } from './fixture.js';
import { insertGoalFixture } from './goal-fixture.js';
import { RULES, SCREEN_SLIDES, type Caller } from './access-rules.js';

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
  const database = useTestDatabase(kind, async (opened) => {
    await insertFixture(opened.db);
    await insertGoalFixture(opened.db);
    const [board] = await opened.db.insert(boards).values({ orgId: 'test-org', name: 'Tavla B', slides: SCREEN_SLIDES, createdBy: 'test' }).returning();
    await opened.db.insert(deviceTokens).values({ orgId: 'test-org', boardId: board?.id ?? 0, name: 'Skärm', tokenHash: 'x'.repeat(64), createdBy: 'test' });
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

/**
 * The scope check is structural: every data procedure declares which units it
 * reads, and every one whose input names a unit is built on unitProcedure,
 * whose guard checks that unit in every month. A new procedure taking a unit
 * on another builder fails here.
 */
describe('every procedure that takes a unit goes through the scope guard', () => {
  type Def = { meta?: { units?: unknown }; inputs: unknown[]; type: string };
  const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: Def }> }).procedures;
  const takesUnit = (def: Def) =>
    def.inputs.some((schema) => {
      const shape = (schema as { shape?: Record<string, unknown> }).shape;
      return shape !== undefined && ('unit' in shape || 'unitCode' in shape);
    });
  const PUBLIC = ['auth.me', 'auth.organisation', 'auth.login'];

  it('refuses to run a data procedure that declares no units, or a unit procedure that did not check its unit', async () => {
    const forgetful = router({
      undeclared: readProcedure.query(() => 'svar'),
      unchecked: unitProcedure({ input: z.object({ unit: z.string() }), asks: 'unit' }).query(({ input }) => input.unit),
      checked: unitProcedure({ input: z.object({ unit: z.string() }), asks: 'unit' }).query(({ ctx, input }) => {
        ctx.guard.assertUnitForMonths(input.unit, ['2021-03']);
        return input.unit;
      }),
    });
    const database = await openTestDatabase('pglite');
    try {
      await insertFixture(database.db);
      const api = forgetful.createCaller(callerContext(database.db, 'test-org', CALLERS.admin));
      await expect(api.undeclared()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      await expect(api.unchecked({ unit: 'B' })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      await expect(api.checked({ unit: 'B' })).resolves.toBe('B');
    } finally {
      await database.dispose();
    }
  });

  it('declares its units on every procedure but the public ones', () => {
    const undeclared = Object.entries(procedures)
      .filter(([path, p]) => !PUBLIC.includes(path) && p._def.meta?.units === undefined)
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('builds every procedure with a unit in its input on unitProcedure, except the admin-only import', () => {
    const unguarded = Object.entries(procedures)
      .filter(([path, p]) => takesUnit(p._def) && p._def.meta?.units !== 'guarded' && !path.startsWith('import.'))
      .map(([path]) => path);
    expect(unguarded).toEqual([]);
    // The ones that must be guarded, so the check above is not vacuous.
    for (const path of ['overview.get', 'series.get', 'drilldown.get', 'comment.list', 'comment.add', 'target.get', 'target.set']) {
      expect({ path, units: procedures[path]?._def.meta?.units }).toEqual({ path, units: 'guarded' });
    }
  });
});

/**
 * A wall screen reads exactly what its board's slides show, resolved now:
 * the same requests the wall makes (packages/domain/src/wall.ts), and nothing
 * else — not another unit, KPI, period, gender, grain or split, not comments
 * or targets; and a revoked token reads nothing.
 */
describe.each(TEST_DB_KINDS)('a wall screen reads exactly its board on %s', (kind) => {
  let token = '';
  let otherBoard = 0;
  const database = useTestDatabase(kind, async (opened) => {
    await insertFixture(opened.db);
    const [mine] = await opened.db.insert(boards).values({ orgId: 'test-org', name: 'Tavla B', slides: SCREEN_SLIDES, createdBy: 'test' }).returning();
    const [other] = await opened.db
      .insert(boards)
      .values({ orgId: 'test-org', name: 'Tavla C', slides: [{ kind: 'overview', unit: 'C', period: 'latest', seconds: 20 }], createdBy: 'test' })
      .returning();
    otherBoard = other?.id ?? 0;
    token = (await createDeviceToken(opened.db, 'test-org', mine?.id ?? 0, 'Skärm B', { id: 'test', ip: null })).token;
  });

  async function screen() {
    const req = { headers: { 'x-device-token': token }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
    const res = { getHeader: () => undefined, setHeader: () => res } as unknown as ServerResponse;
    return appRouter.createCaller(await requestContext({ db: database.db, defaultOrgId: 'test-org', req, res, trustProxy: false }));
  }
  const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'FORBIDDEN' });

  it('reads each slide as the wall asks for it', async () => {
    const s = await screen();
    await expect(s.overview.get({ unit: 'B', period: '2021-03' })).resolves.toMatchObject({ unit: 'B' });
    await expect(s.series.get({ kpi: 'hh', unit: 'B', start: '2019-04', end: '2021-03' })).resolves.toMatchObject({ unit: 'B' });
    await expect(s.unit.tree({ month: '2021-03' })).resolves.toEqual([expect.objectContaining({ code: 'B' })]);
    await expect(s.drilldown.get({ kpi: 'hh', unit: 'B', period: '2021-03' })).resolves.toMatchObject({ kpi: 'hh' });
    await expect(s.board.forDevice()).resolves.toMatchObject({ board: { name: 'Tavla B' } });
    await expect(s.kpi.list()).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: 'hh' })]));
  });

  it('is refused everything its slides do not show', async () => {
    const s = await screen();
    // Another board's unit, and units around its own.
    await refused(s.overview.get({ unit: 'C', period: '2021-03' }));
    await refused(s.overview.get({ unit: 'A2', period: '2021-03' }));
    await refused(s.overview.get({ unit: 'B' }));
    // Another period, however near.
    await refused(s.overview.get({ unit: 'B', period: '2021-04' }));
    await refused(s.overview.get({ unit: 'B', period: '2021' }));
    await refused(s.drilldown.get({ kpi: 'hh', unit: 'B', period: '2021-T1' }));
    await refused(s.series.get({ kpi: 'hh', unit: 'B', start: '2019-05', end: '2021-03' }));
    await refused(s.unit.tree({ month: '2021-04' }));
    // Another KPI, gender, grain or split.
    await refused(s.series.get({ kpi: 'kr', unit: 'B', start: '2019-04', end: '2021-03' }));
    await refused(s.drilldown.get({ kpi: 'kr', unit: 'B', period: '2021-03' }));
    await refused(s.drilldown.get({ kpi: 'hh', unit: 'B', period: '2021-03', gender: 'K' }));
    await refused(s.series.get({ kpi: 'hh', unit: 'B', start: '2019-04', end: '2021-03', split: 'gender' }));
    await refused(s.series.get({ kpi: 'hh', unit: 'B', start: '2019-04', end: '2021-03', grain: 'tertial' }));
    // Comments and targets are on no slide.
    await refused(s.comment.list({ kpi: 'hh', unit: 'B', period: '2021-03' }));
    await refused(s.target.get({ kpi: 'hh', unit: 'B', year: 2021 }));
    await refused(s.auth.logoutEverywhere());
    expect(otherBoard).toBeGreaterThan(0);
  });

  it('reads nothing once revoked', async () => {
    const s = await screen();
    await expect(s.overview.get({ unit: 'B', period: '2021-03' })).resolves.toMatchObject({ unit: 'B' });
    const [d] = await database.db.select().from(deviceTokens);
    await revokeDeviceToken(database.db, 'test-org', d?.id ?? 0, { id: 'test', ip: null });
    const after = await screen();
    await expect(after.overview.get({ unit: 'B', period: '2021-03' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(after.board.forDevice()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
