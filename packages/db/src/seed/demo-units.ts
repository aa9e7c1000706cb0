import type { DemoUnit } from './types.js';

/**
 * Socialförvaltningen i Katrineholm 2018–2022 as the sources tell it (the
 * units of the "Driftsredovisning" tables, reference/operating_result_tkr.csv,
 * and the reports' own words):
 *
 * - February 2018 (003 l.1105–1340): Staben; Myndighetsavdelningen with the
 *   enheter Bistånd barn, unga och vuxna, Bistånd barn, unga och familj,
 *   Ekonomiskt bistånd and Sociala boenden; Öppenvårdsavdelningen with Öppna
 *   insatser and Kollektivet HVB. Delår 2018 (000 l.1077–1085) prints Nämnd,
 *   Ledning, Staben, Myndighetsutövning, Öppenvårdsavdelning.
 * - 1 May 2019 (002 l.190–191, l.294): the myndighetsavdelning is split into
 *   one avdelning for barn, unga och familj and one for ekonomiskt bistånd och
 *   vuxna. We date the enheter's new names (Barn och unga, Barn och familj) and
 *   Sociala boenden's move to the öppenvård (where Delår 2020 prints it,
 *   004 l.256) to the same day; no source dates them.
 * - 1 June 2020 (004 l.68, l.73): myndighet vuxen moves for the rest of the
 *   year from the ek. bistånd-avdelning to barn, unga och familj ("tillfälligt",
 *   "gäller året ut"); from January 2021 it is back. Delår 2020's table
 *   (004 l.262) prints it as "Ekonomiskt bistånd och vuxna", the name we give
 *   it in 2020–2021 (with the other names of that table, from January 2020).
 * - 2022 (001 l.459–468; l.388: no organisational change during T1 2022, so it
 *   held from 1 January): Vuxenavdelning (Ekonomiskt bistånd, Vuxenstödsenhet,
 *   HVB Klivet och Kollektivet) and Avd barn och unga (Barn, Ungdom och
 *   placeringsenhet, Förebyggande och resursenhet); Nämnd and Stab merged into
 *   Soc Ledning; Socialt boende closed.
 *
 * Not modelled: 003 l.1133 has the adults inside Bistånd barn, unga och vuxna
 * in 2018, but the monthly statistics print Vuxna apart (003 l.2394–2545), so
 * myndighet vuxen is its own enhet from the start; Vallmovillan HVB (003
 * l.1335) is in no later table.
 *
 * The tree starts in January 2016 with the 2018 structure: the kvalitetsberättelse 2017 (003 l.2007) names the
 * myndighetsavdelning and its enhet Barn, unga och vuxna in the spring of 2016, and its yearly figures (2016–2017,
 * demo-kpis-quality-2017.ts) need units to sit on; no other data is before December 2017.
 *
 * Codes are stable identities; names and parents carry validity [from, to).
 */
const START = '2016-01';
const SPLIT = '2019-05';
const Y2020 = '2020-01';
const MOVE = '2020-06';
const BACK = '2021-01';
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
  unit('MYN', 'avdelning', [['Myndighetsutövning', START, SPLIT]], [['SOC', START, SPLIT]], SPLIT),
  unit('MYN-BUF', 'avdelning', [['Myndighet Barn, unga och familj', SPLIT, Y2022]], [['SOC', SPLIT, Y2022]], Y2022),
  unit('MYN-EBV', 'avdelning', [['Myndighet Ek. bistånd och vuxna', SPLIT, Y2022]], [['SOC', SPLIT, Y2022]], Y2022),
  unit(
    'OPPV',
    'avdelning',
    [
      ['Öppenvårdsavdelning', START, Y2020],
      ['Öppenvård avd', Y2020, Y2022],
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
      ['Nämnd', START, Y2020],
      ['Socialnämnd', Y2020, Y2022],
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
      ['Staben', START, Y2020],
      ['Stab', Y2020, Y2022],
    ],
    [['SOC', START, Y2022]],
    Y2022,
  ),
  unit(
    'EKBIST',
    'enhet',
    [['Ekonomiskt bistånd', START, null]],
    [
      ['MYN', START, SPLIT],
      ['MYN-EBV', SPLIT, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit(
    'VUXEN',
    'enhet',
    [
      ['Myndighet vuxen', START, Y2020],
      ['Ekonomiskt bistånd och vuxna', Y2020, Y2022],
      ['Vuxenstödsenhet', Y2022, null],
    ],
    [
      ['MYN', START, SPLIT],
      ['MYN-EBV', SPLIT, MOVE],
      ['MYN-BUF', MOVE, BACK],
      ['MYN-EBV', BACK, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit(
    'BU',
    'enhet',
    [
      ['Bistånd barn, unga och vuxna', START, SPLIT],
      ['Barn och unga', SPLIT, Y2022],
      ['Ungdom och placeringsenhet', Y2022, null],
    ],
    [
      ['MYN', START, SPLIT],
      ['MYN-BUF', SPLIT, Y2022],
      ['BOU', Y2022, null],
    ],
  ),
  unit(
    'BF',
    'enhet',
    [
      ['Bistånd barn, unga och familj', START, SPLIT],
      ['Barn och familj', SPLIT, Y2022],
      ['Barn', Y2022, null],
    ],
    [
      ['MYN', START, SPLIT],
      ['MYN-BUF', SPLIT, Y2022],
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
      ['Kollektivet HVB', START, Y2020],
      ['HVB', Y2020, Y2022],
      ['HVB Klivet och Kollektivet', Y2022, null],
    ],
    [
      ['OPPV', START, Y2022],
      ['VUX', Y2022, null],
    ],
  ),
  unit(
    'SOCBO',
    'enhet',
    [
      ['Sociala boenden', START, Y2020],
      ['Socialt boende', Y2020, Y2022],
    ],
    [
      ['MYN', START, SPLIT],
      ['OPPV', SPLIT, Y2022],
    ],
    Y2022,
  ),
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
