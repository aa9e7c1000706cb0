import { addMonths } from '@lagesbild/domain';
import type { DemoUnit } from '../seed/types.js';

export interface TreeSpec {
  /** Number of enheter (leaves). */
  units: number;
  start: string;
  months: number;
}

export const ROOT = 'SOC';
const code = (prefix: string, i: number, width: number) => `${prefix}${String(i + 1).padStart(width, '0')}`;

/** About one avdelning per 25 enheter, at least two so there is somewhere to move to. */
export function avdelningCount(leaves: number): number {
  return Math.max(2, Math.round(leaves / 25));
}

/**
 * förvaltning → avdelningar → enheter. One enhet in ten (at least one) moves
 * to the next avdelning halfway through the period, and the first enhet is
 * renamed two thirds of the way through, so roll-ups must follow the tree as
 * it was in each month.
 */
export function generateUnits(spec: TreeSpec): DemoUnit[] {
  const start = spec.start;
  const move = addMonths(start, Math.floor(spec.months / 2));
  const rename = addMonths(start, Math.floor((spec.months * 2) / 3));
  const avd = avdelningCount(spec.units);
  const out: DemoUnit[] = [
    {
      code: ROOT,
      name: 'Socialförvaltningen',
      kind: 'forvaltning',
      validFrom: start,
      validTo: null,
      names: [{ name: 'Socialförvaltningen', validFrom: start, validTo: null }],
      parents: [],
    },
  ];
  for (let a = 0; a < avd; a++) {
    const name = `Avdelning ${a + 1}`;
    out.push({
      code: code('A', a, 2),
      name,
      kind: 'avdelning',
      validFrom: start,
      validTo: null,
      names: [{ name, validFrom: start, validTo: null }],
      parents: [{ parentCode: ROOT, validFrom: start, validTo: null }],
    });
  }
  for (let e = 0; e < spec.units; e++) {
    const home = code('A', e % avd, 2);
    // One in ten, spread over the avdelningar (e = 0, 11, 22, …), so no avdelning is emptied.
    const moves = e % 10 === Math.floor(e / 10) % 10 && spec.months >= 2;
    const parents = moves
      ? [
          { parentCode: home, validFrom: start, validTo: move },
          { parentCode: code('A', (e + 1) % avd, 2), validFrom: move, validTo: null },
        ]
      : [{ parentCode: home, validFrom: start, validTo: null }];
    const first = `Enhet ${e + 1}`;
    const renamed = e === 0 && spec.months >= 3;
    const names = renamed
      ? [
          { name: first, validFrom: start, validTo: rename },
          { name: `${first} (ny)`, validFrom: rename, validTo: null },
        ]
      : [{ name: first, validFrom: start, validTo: null }];
    const last = names[names.length - 1]?.name ?? first;
    out.push({ code: code('E', e, 3), name: last, kind: 'enhet', validFrom: start, validTo: null, names, parents });
  }
  return out;
}
