/**
 * What protection the release achieves, beyond "not pinned" (docs/privacy.md,
 * Protection level): generated organisations (the whole-API attacker's, a
 * fixed fast-check seed) are imported through the product's import and
 * attacked by every suppressed audience; the linear program gives the whole
 * feasible interval of every hidden count it can reach (a count no answer
 * touches is free above and counted apart). Printed per kind of target:
 * the narrowest interval in whole numbers, how many stay open down to zero
 * ("no one" cannot be excluded), and how many stay open up to the threshold
 * (5: "a small count" cannot be confirmed).
 *
 *   npx tsx bench/protection-level.ts [--orgs N]
 */
import { openTestDatabase } from '../packages/db/src/testing/index.js';
import { DEFAULT_SUPPRESSION, PROTECTION_LEVEL } from '../packages/domain/src/index.js';
import { attackGeneratedOrg } from '../packages/api/test/attacker/attack-org.js';
import { sampleOrgShapes } from '../packages/api/test/attacker/generated-org.js';
import type { Finding } from '../packages/api/test/attacker/attack.js';

const arg = process.argv.indexOf('--orgs');
const ORGS = arg >= 0 ? Number(process.argv[arg + 1]) : 4;
const LIMITS = { calls: 80, solverMs: 20_000, measure: true };

function describe(label: string, xs: readonly Finding[]): void {
  if (xs.length === 0) {
    console.log(`${label}: none solved`);
    return;
  }
  const whole = xs.map((f) => Math.floor(f.max + 1e-6) - Math.ceil(f.min - 1e-6) + 1);
  const toZero = xs.filter((f) => f.min <= 1e-6).length;
  const toThreshold = xs.filter((f) => f.max >= DEFAULT_SUPPRESSION.minCount - 1e-6).length;
  const below = xs.map((f) => f.target.truth - f.min);
  const above = xs.map((f) => f.max - f.target.truth);
  const pctOf = (n: number) => `${((100 * n) / xs.length).toFixed(1)} %`;
  console.log(
    `${label}: ${xs.length} solved; whole numbers possible min ${Math.min(...whole)}, median ${[...whole].sort((a, b) => a - b)[Math.floor(whole.length / 2)]}; ` +
      `open to 0: ${pctOf(toZero)}; open to ≥ ${DEFAULT_SUPPRESSION.minCount}: ${pctOf(toThreshold)}; ` +
      `least room below the truth ${Math.min(...below).toFixed(2)}, above ${Math.min(...above).toFixed(2)}; ` +
      `least room on the wider side ${Math.min(...xs.map((f) => Math.max(f.target.truth - f.min, f.max - f.target.truth))).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const shapes = sampleOrgShapes(15, ORGS);
  const database = await openTestDatabase('pglite');
  const primaries: Finding[] = [];
  const hidden: Finding[] = [];
  let free = 0;
  let unchecked = 0;
  let pinned = 0;
  const started = performance.now();
  try {
    for (const [i, shape] of shapes.entries()) {
      const results = await attackGeneratedOrg(database.db, `lvl-${i}`, shape, LIMITS);
      for (const r of results) {
        free += r.report.free;
        unchecked += r.report.unchecked;
        pinned += r.report.pinned.length;
        for (const f of r.report.intervals) (f.target.why === 'primary' ? primaries : hidden).push(f);
      }
    }
  } finally {
    await database.dispose();
  }
  console.log(`${ORGS} generated organisations × 3 suppressed audiences in ${((performance.now() - started) / 1000).toFixed(0)} s; PROTECTION_LEVEL = ${PROTECTION_LEVEL}`);
  console.log(`targets free above (no answer touches them): ${free}; left unsolved by the time budget: ${unchecked}; narrowed below the level: ${pinned}`);
  describe('counts of 1–4 individuals (primary)', primaries);
  describe('other hidden counts (secondary)', hidden);
}

await main();
