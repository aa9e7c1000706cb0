/** Swedish (and English) messages for values that cannot be what their KPI measures (plausibility.ts in domain). */
import type { CellUnit, MeasureUnit, Month } from '@lagesbild/domain';
import { issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';
import { showNumber } from './validate-messages.js';

const err = (p: Place, found: string, expected: string, sv: string, en: string): ImportIssue => issue('error', p, found, expected, sv, en);

/** How a KPI's unit is named in a sentence. */
const UNIT_NAMES: Readonly<Record<MeasureUnit, string>> = {
  count: 'antal',
  kr: 'kronor (kr)',
  tkr: 'tusental kronor (tkr)',
  percent: 'procent (%)',
  score: 'poäng',
  index: 'index',
  days: 'dygn',
  fte: 'årsarbetare (åa)',
};

const CELL_UNIT_TEXT: Readonly<Record<CellUnit, string>> = { kr: 'kr', tkr: 'tkr', mnkr: 'mnkr', percent: '%', days: 'dygn', fte: 'åa' };

/** A cell's text in a message with its line breaks and tabs visible, since they are the point. */
const visible = (s: string): string => s.replace(/\r?\n|\r/g, '⏎').replace(/\t/g, '⇥');

export function splitNumber(p: Place, found: string, parts: readonly string[]): ImportIssue {
  const shown = visible(found);
  const list = parts.map((x) => `"${x}"`).join(' och ');
  return err(
    p,
    shown,
    'ett tal (mellanslag bara mellan grupper om tre siffror)',
    `Värdet "${shown}" ${whereSv(p)} är inte ett tal: ${list} skiljs av ett mellanrum eller en radbrytning. Mellanslag får bara stå mellan grupper om tre siffror (3 634 874). Rätta cellen så att den innehåller ett enda tal.`,
    `Value "${shown}" ${whereEn(p)} is not one number: ${parts.join(' and ')} are separated by whitespace. Spaces may only separate groups of three digits.`,
  );
}

export function unitMismatch(p: Place, found: string, kpi: string, kpiUnit: MeasureUnit, cellUnit: CellUnit): ImportIssue {
  const name = UNIT_NAMES[kpiUnit];
  const cell = CELL_UNIT_TEXT[cellUnit];
  const why = cellUnit === 'percent' ? ` En andel i procent kan inte lagras som ${name}.` : '';
  return err(
    p,
    found,
    `ett tal i ${name}`,
    `Värdet "${found}" ${whereSv(p)} anges i ${cell}, men KPI "${kpi}" räknas i ${name}.${why} Skriv värdet i ${name} utan enhet i cellen.`,
    `Value "${found}" ${whereEn(p)} is given in ${cell}, but KPI "${kpi}" is kept in ${kpiUnit}. Write the value in that unit, without a unit in the cell.`,
  );
}

export function unitInDenominator(p: Place, found: string): ImportIssue {
  return err(
    p,
    found,
    'ett tal utan enhet',
    `Nämnaren "${found}" ${whereSv(p)} har en enhet. Skriv nämnaren som ett tal utan enhet.`,
    `Denominator "${found}" ${whereEn(p)} has a unit. Write it as a plain number.`,
  );
}

export function notInteger(p: Place, found: string, kpi: string): ImportIssue {
  return err(
    p,
    found,
    'ett heltal ≥ 0',
    `Värdet "${found}" ${whereSv(p)} är inget heltal, men KPI "${kpi}" räknar antal (personer, hushåll eller ärenden). Skriv ett heltal; kontrollera att det inte är ett medelvärde eller en andel.`,
    `Value "${found}" ${whereEn(p)} is not a whole number, but KPI "${kpi}" counts people, households or cases.`,
  );
}

export function tooLarge(p: Place, found: string, kpi: string, max: number): ImportIssue {
  return err(
    p,
    found,
    `högst ${showNumber(max)}`,
    `Värdet "${found}" ${whereSv(p)} är orimligt stort för KPI "${kpi}" (högst ${showNumber(max)}). Kontrollera värdet; det är troligen ett skrivfel.`,
    `Value "${found}" ${whereEn(p)} is implausibly large for KPI "${kpi}" (at most ${max}).`,
  );
}

export function denominatorMissing(p: Place, kpi: string, kpiUnit: MeasureUnit): ImportIssue {
  return err(
    p,
    '',
    'en nämnare > 0',
    `Nämnare saknas ${whereSv(p)}: KPI "${kpi}" räknas i ${UNIT_NAMES[kpiUnit]} som täljare delat med nämnare, och utan nämnaren visas värdet fel (t.ex. "810,0 %"). Fyll i nämnaren (kolumnen denominator eller nämnare).`,
    `Denominator missing ${whereEn(p)}: KPI "${kpi}" is numerator / denominator and is shown wrong without one. Fill in the denominator.`,
  );
}

export function denominatorForbidden(p: Place, found: string, kpi: string, kpiUnit: MeasureUnit): ImportIssue {
  return err(
    p,
    found,
    '(tomt)',
    `Nämnaren "${found}" ${whereSv(p)} hör inte hit: KPI "${kpi}" räknas i ${UNIT_NAMES[kpiUnit]} och har ingen nämnare, och en nämnare skulle dela värdet som visas. Lämna nämnaren tom.`,
    `Denominator "${found}" ${whereEn(p)} does not belong: KPI "${kpi}" has none, and one would divide the value shown. Leave it empty.`,
  );
}

export function denominatorNotInteger(p: Place, found: string, kpi: string): ImportIssue {
  return err(
    p,
    found,
    'ett heltal > 0',
    `Nämnaren "${found}" ${whereSv(p)} är inget heltal, men för KPI "${kpi}" är nämnaren ett antal (svarande eller personer). Skriv ett heltal.`,
    `Denominator "${found}" ${whereEn(p)} is not a whole number, but it counts respondents for KPI "${kpi}".`,
  );
}

export function shareTooLarge(p: Place, numerator: string, denominator: string, share: number, maxShare: number, kpi: string): ImportIssue {
  const shown = showNumber(Number(share.toFixed(1)));
  return err(
    p,
    `${numerator} / ${denominator}`,
    `högst ${showNumber(maxShare)} %`,
    `Värdet ${numerator} med nämnaren ${denominator} ${whereSv(p)} ger ${shown} % för KPI "${kpi}", men en andel kan vara högst ${showNumber(maxShare)} %. Kontrollera täljare och nämnare (nämnaren är hela basen, t.ex. ordinarie arbetstimmar).`,
    `Value ${numerator} over ${denominator} ${whereEn(p)} is ${shown} % for KPI "${kpi}"; a share is at most ${maxShare} %.`,
  );
}

export function futureMonth(p: Place, month: Month, current: Month): ImportIssue {
  return err(
    p,
    month,
    `en månad till och med ${current}`,
    `Månaden ${month} ${whereSv(p)} har inte varit än (nu är det ${current}). Siffror för kommande månader kan inte importeras: kontrollera året och månaden.`,
    `Month ${month} ${whereEn(p)} is in the future (it is ${current} now). Check the year and month.`,
  );
}

/** The unit given for the whole import (CLI --unit, the page's unit field) is not one of the organisation's: one message, not one per row. */
export function unknownUnitOption(file: string, code: string, known: readonly string[], leafOnly: boolean): ImportIssue {
  const p = { file, row: 1, column: null };
  const shown = known.slice(0, 40).join(', ') + (known.length > 40 ? ` … (${known.length} i alla)` : '');
  const what = leafOnly
    ? `Enheten "${code}" som angavs för importen har underenheter; värden lagras på enheterna längst ned.`
    : `Enheten "${code}" som angavs för importen finns inte i organisationen.`;
  return {
    ...err(
      p,
      code,
      'en enhetskod',
      `${what} Det gäller importens val av enhet, inte filen ${file}. Välj en av: ${shown}.`,
      `The unit "${code}" given for the import of ${file} is not a leaf unit of the organisation. Known units: ${shown}.`,
    ),
    option: 'unit',
  };
}
