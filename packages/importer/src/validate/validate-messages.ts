/** Swedish (and English) messages for values that do not fit the KPI catalogue or the unit tree. */
import { formatNumber } from '@lagesbild/domain';
import { issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';
import { MISSING_MARKS } from '../parse/missing-marks.js';

const err = (p: Place, found: string, expected: string, sv: string, en: string): ImportIssue => issue('error', p, found, expected, sv, en);
const didYouMean = (s: string | null): [string, string] => (s ? [` Menade du "${s}"?`, ` Did you mean "${s}"?`] : ['', '']);
/** Numbers in messages as users write them: "1 500", "6,8". */
export const showNumber = (n: number): string => formatNumber(n, Number.isInteger(n) ? 0 : 2);

export function emptyCell(p: Place, what: string): ImportIssue {
  return err(p, '', what, `Värde saknas ${whereSv(p)}. Fyll i ${what}.`, `Missing value ${whereEn(p)}. Fill in ${what}.`);
}

export function unknownOrg(file: string, orgId: string): ImportIssue {
  const p = { file, row: 1, column: null };
  return err(
    p,
    orgId,
    'en befintlig organisation',
    `Organisationen "${orgId}" finns inte, så ${file} kan inte importeras (${whereSv(p)}). Kontrollera organisationen eller kör seed/migrate först.`,
    `Organisation "${orgId}" does not exist (${whereEn(p)}).`,
  );
}

/** A KPI id or unit code the catalogue or the tree does not have, with the nearest one that it does, if any. */
function unknownCode(p: Place, code: string, suggestion: string | null, what: { expected: string; sv: string; en: string; list: string }): ImportIssue {
  const [sv, en] = didYouMean(suggestion);
  return err(
    p,
    code,
    suggestion ?? what.expected,
    `Okänd ${what.sv} "${code}" ${whereSv(p)}.${sv || ` Se listan med "pnpm lagesbild ${what.list}".`}`,
    `Unknown ${what.en} "${code}" ${whereEn(p)}.${en}`,
  );
}

export const unknownKpi = (p: Place, id: string, suggestion: string | null): ImportIssue =>
  unknownCode(p, id, suggestion, { expected: 'ett KPI-id ur katalogen', sv: 'KPI', en: 'KPI', list: 'kpis' });

export function ratioKpi(p: Place, id: string, numerator: string, denominator: string): ImportIssue {
  return err(
    p,
    id,
    `${numerator} och ${denominator}`,
    `KPI "${id}" ${whereSv(p)} är en kvot (${numerator} / ${denominator}) som räknas fram och har inga egna värden. Importera "${numerator}" och "${denominator}" i stället.`,
    `KPI "${id}" ${whereEn(p)} is a ratio (${numerator} / ${denominator}) with no observations of its own. Import "${numerator}" and "${denominator}" instead.`,
  );
}

export const unknownUnit = (p: Place, code: string, suggestion: string | null): ImportIssue =>
  unknownCode(p, code, suggestion, { expected: 'en enhetskod', sv: 'enhet', en: 'unit', list: 'units' });

export function unitNotValid(p: Place, code: string, month: string, from: string, to: string | null): ImportIssue {
  const span = to === null ? `från ${from}` : `från ${from} till och med månaden före ${to}`;
  return err(
    p,
    `${code} ${month}`,
    `en månad då enheten finns (${span})`,
    `Enheten "${code}" fanns inte ${month} (${whereSv(p)}); den finns ${span}. Kontrollera perioden eller använd enheten som gällde då.`,
    `Unit "${code}" did not exist in ${month} (${whereEn(p)}); it exists ${to === null ? `from ${from}` : `from ${from} until before ${to}`}.`,
  );
}

export function unitNotLeaf(p: Place, code: string, month: string, children: readonly string[]): ImportIssue {
  const list = children.join(', ');
  return err(
    p,
    code,
    `en enhet längst ned i trädet (${list})`,
    `Enheten "${code}" har underenheter ${month} (${whereSv(p)}). Värden lagras på enheterna längst ned och summeras uppåt: dela upp raden på ${list}.`,
    `Unit "${code}" has sub-units in ${month} (${whereEn(p)}). Values are stored on leaf units: split the row over ${list}.`,
  );
}

export function badPeriod(p: Place, found: string): ImportIssue {
  return err(
    p,
    found,
    'ÅÅÅÅ-MM',
    `Ogiltig period "${found}" ${whereSv(p)}. Skriv månaden som ÅÅÅÅ-MM, till exempel 2022-03.`,
    `Invalid period "${found}" ${whereEn(p)}. Write the month as YYYY-MM, e.g. 2022-03.`,
  );
}

export function periodOutsideKpi(p: Place, month: string, kpi: string, from: string, to: string | null): ImportIssue {
  const span = to === null ? `från ${from}` : `${from}–${to}`;
  return err(
    p,
    month,
    span,
    `Perioden ${month} ${whereSv(p)} ligger utanför tiden då KPI "${kpi}" finns (${span}). Kontrollera perioden.`,
    `Period ${month} ${whereEn(p)} is outside the months of KPI "${kpi}" (${span}).`,
  );
}

export function badGender(p: Place, found: string): ImportIssue {
  return err(
    p,
    found,
    'K, M eller T',
    `Ogiltigt kön "${found}" ${whereSv(p)}. Använd K (kvinnor/flickor), M (män/pojkar) eller T (totalt).`,
    `Invalid gender "${found}" ${whereEn(p)}. Use K, M or T.`,
  );
}

export function genderNotSplit(p: Place, found: string, kpi: string): ImportIssue {
  return err(
    p,
    found,
    'T',
    `KPI "${kpi}" är inte könsuppdelad, men ${whereSv(p)} står "${found}". Använd T (totalt).`,
    `KPI "${kpi}" has no gender split, but ${whereEn(p)} says "${found}". Use T (total).`,
  );
}

export function notNumber(p: Place, found: string): ImportIssue {
  if (MISSING_MARKS.has(found)) {
    return {
      ...err(
        p,
        found,
        'ett tal',
        `Värdet "${found}" ${whereSv(p)} är inte ett tal. "${found}" betyder i rapporterna att uppgift saknas, och ett saknat värde importeras inte: hoppa över sådana celler med valet att hoppa över saknade värden, eller fyll i talet.`,
        `Value "${found}" ${whereEn(p)} is not a number. "${found}" marks a missing figure: skip such cells with the skip-missing option, or fill in the number.`,
      ),
      option: 'skipMissing',
    };
  }
  const why = /^[=+@]/.test(found)
    ? ' Celler som börjar med =, + eller @ tolkas aldrig som formler: skriv det uträknade talet.'
    : ' Skriv ett tal, till exempel 1234, 1 234, 3 634 873,98 eller 6,8.';
  return err(p, found, 'ett tal', `Värdet "${found}" ${whereSv(p)} är inte ett tal.${why}`, `Value "${found}" ${whereEn(p)} is not a number.`);
}

export function negativeValue(p: Place, found: string, kpi: string): ImportIssue {
  return err(
    p,
    found,
    'ett tal ≥ 0',
    `Negativt värde "${found}" ${whereSv(p)}: KPI "${kpi}" räknar antal eller kronor och kan inte vara negativ. Kontrollera tecknet.`,
    `Negative value "${found}" ${whereEn(p)}: KPI "${kpi}" counts people or kronor.`,
  );
}

export function badDenominator(p: Place, found: string): ImportIssue {
  const zero = Number(found.replace(',', '.').replace(/\s/g, '')) === 0;
  return err(
    p,
    found,
    'ett tal > 0, eller tomt',
    `Nämnaren "${found}" ${whereSv(p)} ${zero ? 'är noll, och ingenting kan delas med noll' : 'är negativ'}. Ange rätt nämnare, eller lämna fältet tomt om värdet inte har någon nämnare.`,
    `Denominator "${found}" ${whereEn(p)} is ${zero ? 'zero' : 'negative'}. Give the right denominator or leave it empty.`,
  );
}

export function badAgeBand(p: Place, found: string, kpi: string, bands: readonly string[]): ImportIssue {
  if (bands.length === 0) {
    return err(
      p,
      found,
      '(tomt)',
      `KPI "${kpi}" redovisas inte per åldersgrupp, men ${whereSv(p)} står "${found}". Lämna åldersgruppen tom.`,
      `KPI "${kpi}" has no age bands, but ${whereEn(p)} says "${found}". Leave it empty.`,
    );
  }
  const list = bands.join(', ');
  return err(
    p,
    found,
    list,
    `Okänd åldersgrupp "${found}" för KPI "${kpi}" ${whereSv(p)}. Använd någon av ${list}, eller lämna tomt för totalen.`,
    `Unknown age band "${found}" for KPI "${kpi}" ${whereEn(p)}. Use one of ${list}.`,
  );
}

export function duplicateCell(p: Place, firstRow: number, cell: string, firstSheet: string | null = p.sheet ?? null): ImportIssue {
  const sameSheet = firstSheet === (p.sheet ?? null);
  const first = sameSheet ? `rad ${firstRow}` : `rad ${firstRow} (blad ${firstSheet ?? ''})`;
  const second = sameSheet ? `rad ${p.row}` : `rad ${p.row} (blad ${p.sheet ?? ''})`;
  const inSheet = sameSheet && p.sheet ? `, blad ${p.sheet}` : '';
  return err(
    p,
    `${first} och ${second}`,
    'varje cell en gång',
    `Samma värde (${cell}) förekommer två gånger i fil ${p.file}${inSheet}: ${first} och ${second}. Ta bort en av raderna.`,
    `The same cell (${cell}) appears twice in file ${p.file}: rows ${firstRow} and ${p.row}. Remove one of them.`,
  );
}

export function olderReport(p: Place, cell: string, oldValue: number, newValue: number, fileLatest: string, newer: string): ImportIssue {
  return issue(
    'warning',
    p,
    showNumber(newValue),
    showNumber(oldValue),
    `Värdet för ${cell} ${whereSv(p)} ändras från ${showNumber(oldValue)} till ${showNumber(newValue)}, men det sparade värdet kommer från en nyare rapport (med månader till och med ${newer}) än den här filen (till och med ${fileLatest}). Bekräfta bara om den äldre rapporten verkligen ska gälla.`,
    `The value of ${cell} ${whereEn(p)} changes from ${oldValue} to ${newValue}, but the stored value comes from a newer report (up to ${newer}) than this file (up to ${fileLatest}).`,
  );
}

export function olderReportMore(file: string, n: number): ImportIssue {
  const p = { file, row: 1, column: null };
  return issue(
    'warning',
    p,
    `${n} värden till`,
    '',
    `Ytterligare ${n} värden från en nyare rapport ändras av ${file} (${whereSv(p)}); se ändringarna i förhandsgranskningen.`,
    `${n} more values from a newer report are changed by ${file}.`,
  );
}
