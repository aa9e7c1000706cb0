import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackGeneratedOrg, summarise } from './attacker/attack-org.js';
import { arbOrgShape } from './attacker/generated-org.js';

/**
 * Issue 15's whole-API attacker: generated organisations (reorganising trees,
 * K/M, small counts; sum, mean, rate and ratio KPIs) are imported through the
 * product's own import, then each suppressed audience (a förvaltningschef, an
 * enhetschef of one avdelning, a wall screen) asks every read procedure over
 * every unit, KPI, grain, split, gender and period kind it may, and solves
 * everything it was shown for every hidden or small figure by linear
 * programming. No such figure may be narrowed below its protection
 * (attacker/attack.ts, protectionLevel).
 */
// The solver is the cost (HiGHS in WebAssembly, some tens of ms a solve here): each audience gets a
// number of calls drawn from the whole plan and a time for the solver, small-count months first.
const ORGS = { pglite: 3, postgres: 2 } as const;
const LIMITS = { calls: 80, solverMs: 3000 };

describe.each(TEST_DB_KINDS)('a whole-API attacker on generated organisations (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it('narrows no hidden or small figure below its protection, as any suppressed audience', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbOrgShape, async (shape) => {
        const results = await attackGeneratedOrg(database.db, `atk-${kind}-${++n}`, shape, LIMITS);
        const summary = summarise(results);
        expect(results.flatMap((r) => r.report.pinned).length, summary).toBe(0);
        // Every number reaches a suppressed caller rounded to its display precision.
        expect(
          results.reduce((n, r) => n + r.unrounded, 0),
          summary,
        ).toBe(0);
      }),
      // Shrinking would re-run whole organisations; the failure names the figures instead.
      { numRuns: ORGS[kind], endOnFailure: true },
    );
  }, 600_000);
});
