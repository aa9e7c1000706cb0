import type { DemoUnit } from './types.js';

/**
 * Socialförvaltningen i Katrineholm 2018–2022, from the units of the
 * "Driftsredovisning" tables (reference/operating_result_tkr in shared/data):
 *
 * - Delår 2018: Nämnd, Ledning, Staben, Myndighetsutövning (one avdelning for all
 *   myndighet), Öppenvårdsavdelning.
 * - 2019: the myndighetsavdelning is split into "Myndighet Barn, unga och familj"
 *   and "Myndighet Ek. bistånd och vuxna" (both seen in Delår 2020). We date the
 *   split to January 2019.
 * - June 2020: myndighet vuxen moves from the barn-avdelning to the ek. bistånd-
 *   avdelning, where Delår 2020 reports it as "Ekonomiskt bistånd och vuxna".
 * - January 2022 (T1 2022): two avdelningar, Vuxenavdelning and Avd barn och unga;
 *   enheter renamed (Barn och unga → Ungdom och placeringsenhet, Barn och familj →
 *   Barn, Öppna insatser → Förebyggande och resursenhet, HVB → HVB Klivet och
 *   Kollektivet, vuxen → Vuxenstödsenhet), Nämnd and Stab merged into Soc Ledning,
 *   Socialt boende closed (its work went to the Vuxenstödsenhet).
 *
 * Codes are stable identities; names and parents carry validity [from, to).
 */
const START = '2017-12';
const Y2019 = '2019-01';
const MOVE = '2020-06';
const Y2022 = '2022-01';

function unit(code: string, kind: DemoUnit['kind'], names: [string, string, string | null][], parents: [string, string, string | null][], validTo: string | null = null): DemoUnit {
  const first = names[0];
  const last = names[names.length - 1];
  return {
    code,
    kind,
    name: last?.[0] ?? code,
    validFrom: first?.[1] ?? START,
    validTo,
    names: names.map(([name, validFrom, to]) => ({ name, validFrom, validTo: to })),
    parents: parents.map(([parentCode, validFrom, to]) => ({ parentCode, validFrom, validTo: to })),
  };
}

export const DEMO_UNITS: DemoUnit[] = [
  unit('SOC', 'forvaltning', [['Socialförvaltningen', START, null]], []),
  // Avdelningar
  unit('MYN', 'avdelning', [['Myndighetsutövning', START, Y2019]], [['SOC', START, Y2019]], Y2019),
  unit('MYN-BUF', 'avdelning', [['Myndighet Barn, unga och familj', Y2019, Y2022]], [['SOC', Y2019, Y2022]], Y2022),
  unit('MYN-EBV', 'avdelning', [['Myndighet Ek. bistånd och vuxna', Y2019, Y2022]], [['SOC', Y2019, Y2022]], Y2022),
  unit(
    'OPPV',
    'avdelning',
    [
      ['Öppenvårdsavdelning', START, '2020-01'],
      ['Öppenvård avd', '2020-01', Y2022],
    ],
    [['SOC', START, Y2022]],
    Y2022,
  ),
  unit('VUX', 'avdelning', [['Vuxenavdelning', Y2022, null]], [['SOC', Y2022, null]]),
  unit('BOU', 'avdelning', [['Avd barn och unga', Y2022, null]], [['SOC', Y2022, null]]),
  // Enheter (leaves: observations live here)
  unit(
    'NAMND',
    'enhet',
    [
      ['Nämnd', START, '2020-01'],
      ['Socialnämnd', '2020-01', Y2022],
    ],
    [['SOC', START, Y2022]],
    Y2022,
  ),
  unit(
    'LEDN',
    'enhet',
    [
      ['Ledning', START, Y2022],
      ['Soc Ledning', Y2022, null],
    ],
    [['SOC', START, null]],
  ),
  unit(
    'STAB',
    'enhet',
    [
      ['Staben', START, '2020-01'],
      ['Stab', '2020-01', Y2022],
    ],
    [['SOC', START, Y2022]],
    Y2022,
  ),
  unit(
    'EKBIST',
    'enhet',
    [['Ekonomiskt bistånd', START, null]],
    [
      ['MYN', START, Y2019],
      ['MYN-EBV', Y2019, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit(
    'VUXEN',
    'enhet',
    [
      ['Myndighet vuxen', START, MOVE],
      ['Ekonomiskt bistånd och vuxna', MOVE, Y2022],
      ['Vuxenstödsenhet', Y2022, null],
    ],
    [
      ['MYN', START, Y2019],
      ['MYN-BUF', Y2019, MOVE],
      ['MYN-EBV', MOVE, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit(
    'BU',
    'enhet',
    [
      ['Barn och unga', START, Y2022],
      ['Ungdom och placeringsenhet', Y2022, null],
    ],
    [
      ['MYN', START, Y2019],
      ['MYN-BUF', Y2019, Y2022],
      ['BOU', Y2022, null],
    ],
  ),
  unit(
    'BF',
    'enhet',
    [
      ['Barn och familj', START, Y2022],
      ['Barn', Y2022, null],
    ],
    [
      ['MYN', START, Y2019],
      ['MYN-BUF', Y2019, Y2022],
      ['BOU', Y2022, null],
    ],
  ),
  unit(
    'OPPNA',
    'enhet',
    [
      ['Öppna insatser', START, Y2022],
      ['Förebyggande och resursenhet', Y2022, null],
    ],
    [
      ['OPPV', START, Y2022],
      ['BOU', Y2022, null],
    ],
  ),
  unit(
    'HVB',
    'enhet',
    [
      ['HVB', START, Y2022],
      ['HVB Klivet och Kollektivet', Y2022, null],
    ],
    [
      ['OPPV', START, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit('SOCBO', 'enhet', [['Socialt boende', START, Y2022]], [['OPPV', START, Y2022]], Y2022),
];

/** Staff per enhet (årsarbetare, K/M) before scaling to the reported totals; Nämnd has no employees. */
export const STAFF_SHARE: Record<string, { K: number; M: number }> = {
  LEDN: { K: 3, M: 1 },
  STAB: { K: 9, M: 2 },
  EKBIST: { K: 22, M: 5 },
  VUXEN: { K: 10, M: 3 },
  BU: { K: 24, M: 5 },
  BF: { K: 18, M: 3 },
  OPPNA: { K: 11, M: 4 },
  HVB: { K: 7, M: 6 },
  SOCBO: { K: 4, M: 4 },
};
