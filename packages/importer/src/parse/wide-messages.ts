/** Swedish (and English) messages for the wide monthly reports: layout, labels, mappings and printed totals. */
import { clip, issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';
import type { LabelMapping, LabelSuggestion } from './mappings.js';
import { showNumber } from '../validate/validate-messages.js';

const err = (p: Place, found: string, expected: string, sv: string, en: string): ImportIssue => issue('error', p, found, expected, sv, en);
const warn = (p: Place, found: string, expected: string, sv: string, en: string): ImportIssue => issue('warning', p, found, expected, sv, en);

export function noYear(p: Place, header: string): ImportIssue {
  const found = err(
    p,
    header,
    'ett år',
    `Året framgår inte av kolumnen "${header}" ${whereSv(p)} eller av filnamnet. Ange året för importen, skriv det i filnamnet (statistik-2022.csv) eller använd rubriker som 2022-01.`,
    `The year is not given by column "${header}" ${whereEn(p)} nor by the file name. Give the year with the import.`,
  );
  return { ...found, option: 'year' };
}

export function yearConflict(p: Place, header: string, headerYear: number, year: number): ImportIssue {
  return err(
    p,
    String(headerYear),
    String(year),
    `Kolumnen "${header}" ${whereSv(p)} gäller ${headerYear}, men importen gäller ${year}. Kontrollera året i importen eller rubriken.`,
    `Column "${header}" ${whereEn(p)} is for ${headerYear}, but the import is for ${year}.`,
  );
}

export function fileNameYear(file: string, fromName: number, year: number): ImportIssue {
  const p = { file, row: 1, column: null };
  return warn(
    p,
    String(year),
    String(fromName),
    `Filnamnet ${file} anger året ${fromName}, men importen gäller ${year} (${whereSv(p)}). Kontrollera att det är rätt år innan du sparar.`,
    `The file name says ${fromName} but the import is for ${year} (${whereEn(p)}).`,
  );
}

export function unknownHeader(p: Place, header: string, suggestion: string | null): ImportIssue {
  const hint = suggestion ? ` Menade du "${suggestion}"?` : '';
  return err(
    p,
    header,
    'ett månadsnamn (Januari–December), en månad som 2022-01 eller en summakolumn',
    `Okänd kolumnrubrik "${header}" ${whereSv(p)}.${hint} Månadskolumnerna ska heta Januari … December (eller January …, 2022-01).`,
    `Unknown column header "${header}" ${whereEn(p)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  );
}

export function duplicateMonth(p: Place, header: string, firstColumn: string): ImportIssue {
  return err(
    p,
    header,
    'varje månad en gång',
    `Månaden "${header}" ${whereSv(p)} finns redan i kolumn ${firstColumn}. Ta bort den ena kolumnen.`,
    `Month "${header}" ${whereEn(p)} already appears in column ${firstColumn}.`,
  );
}

export function noLabelColumn(p: Place): ImportIssue {
  return err(
    p,
    'en månad i första kolumnen',
    'radrubriker i första kolumnen',
    `Första kolumnen ${whereSv(p)} är en månad; radernas rubriker (t.ex. "Aktualiseringar") måste stå till vänster om månaderna.`,
    `The first column ${whereEn(p)} is a month; row labels must be left of the months.`,
  );
}

export function valuesWithoutHeader(p: Place): ImportIssue {
  return err(
    p,
    'värden i en kolumn utan rubrik',
    'en rubrik (månad)',
    `Kolumnen ${p.column ?? ''} har värden men ingen rubrik (${whereSv(p)}). Skriv månaden i rubrikraden eller ta bort värdena.`,
    `Column ${p.column ?? ''} has values but no header (${whereEn(p)}).`,
  );
}

export function valuesWithoutLabel(p: Place): ImportIssue {
  return err(p, '', 'en radrubrik', `Raden har värden men ingen rubrik ${whereSv(p)}. Skriv vad raden mäter i första kolumnen.`, `The row has values but no label ${whereEn(p)}.`);
}

export function duplicateLabel(p: Place, label: string, firstRow: number): ImportIssue {
  return err(
    p,
    label,
    'varje rad en gång',
    `Raden "${label}" ${whereSv(p)} finns redan på rad ${firstRow} under samma rubrik. Ta bort en av raderna.`,
    `Row "${label}" ${whereEn(p)} already appears on row ${firstRow}.`,
  );
}

export function missingMarkSkipped(p: Place, found: string): ImportIssue {
  return warn(
    p,
    found,
    'ett tal',
    `Värdet "${found}" ${whereSv(p)} betyder att uppgift saknas; det hoppas över och importeras inte.`,
    `Value "${found}" ${whereEn(p)} means "not reported" and is skipped.`,
  );
}

export function totalMismatch(
  p: Place,
  total: { label: string; row: number; value: number },
  women: { label: string; row: number; value: number },
  men: { label: string; row: number; value: number },
  month: string,
  more: number,
): ImportIssue {
  const sum = women.value + men.value;
  const also = more > 0 ? ` Samma sak gäller ${more} ${more === 1 ? 'månad' : 'månader'} till.` : '';
  return warn(
    p,
    `${showNumber(women.value)} + ${showNumber(men.value)} = ${showNumber(sum)}`,
    showNumber(total.value),
    `"${women.label}" (rad ${women.row}) + "${men.label}" (rad ${men.row}) är ${showNumber(sum)} för ${month}, men totalen "${total.label}" ${whereSv(p)} är ${showNumber(total.value)}.${also} Kontrollera raderna innan du sparar.`,
    `"${women.label}" (row ${women.row}) + "${men.label}" (row ${men.row}) is ${sum} for ${month}, but the total "${total.label}" ${whereEn(p)} is ${total.value}.`,
  );
}

export function ratioMismatch(p: Place, label: string, printed: number, parts: { num: number; den: number; numRow: number; denRow: number }, more: number): ImportIssue {
  const ratio = parts.num / parts.den;
  const also = more > 0 ? ` Samma sak gäller ${more} ${more === 1 ? 'månad' : 'månader'} till.` : '';
  return warn(
    p,
    showNumber(printed),
    showNumber(Math.round(ratio)),
    `"${label}" ${whereSv(p)} är ${showNumber(printed)}, men rad ${parts.numRow} delad med rad ${parts.denRow} är ${showNumber(parts.num)} / ${showNumber(parts.den)} = ${showNumber(Math.round(ratio))}. Raden räknas fram och sparas inte; kontrollera raderna innan du sparar.${also}`,
    `"${label}" ${whereEn(p)} is ${printed}, but row ${parts.numRow} divided by row ${parts.denRow} is ${parts.num} / ${parts.den} = ${Math.round(ratio)}. The row is computed, not stored.`,
  );
}

export function ratioPartsMissing(p: Place, label: string, kpi: string, parts: { numerator: string; denominator: string }): ImportIssue {
  return warn(
    p,
    label,
    `${parts.numerator} / ${parts.denominator}`,
    `Raden "${label}" ${whereSv(p)} är kvoten "${kpi}" (${parts.numerator} / ${parts.denominator}), men filen har inte båda raderna att kontrollera den mot. Kvoter sparas inte; den räknas fram ur de sparade värdena.`,
    `Row "${label}" ${whereEn(p)} is the ratio "${kpi}" (${parts.numerator} / ${parts.denominator}), but the file lacks one of its parts to check it against. Ratios are never stored.`,
  );
}

export function sumMismatch(p: Place, label: string, printed: number, sum: number): ImportIssue {
  return warn(
    p,
    showNumber(printed),
    showNumber(sum),
    `Summakolumnen för "${label}" ${whereSv(p)} är ${showNumber(printed)}, men månaderna summerar till ${showNumber(sum)}. Kontrollera värdena innan du sparar.`,
    `The sum column of "${label}" ${whereEn(p)} is ${printed}, but the months add up to ${sum}.`,
  );
}

/** Longer than any real report row's label. */
const MAX_LABEL = 500;

/** Only the mapping's own fields: whatever else the caller's object holds does not go out with the issue. */
const copyMapping = (m: LabelMapping): LabelMapping => ({
  section: m.section,
  parentLabel: m.parentLabel,
  label: m.label,
  kpiId: m.kpiId,
  gender: m.gender,
  ageBand: m.ageBand,
  unitCode: m.unitCode,
});

export function unknownLabel(p: Place, label: string, parent: string, section: string, suggestion: LabelSuggestion | null): ImportIssue {
  const under = [section && `avsnitt "${section}"`, parent && `under "${parent}"`].filter(Boolean).join(', ');
  const where = under ? ` (${under})` : '';
  const hint = suggestion ? ` Menade du "${suggestion.label}"${suggestion.context ? ` (${suggestion.context})` : ''}?` : '';
  const found = err(
    p,
    label,
    suggestion?.label ?? 'en rad som finns i kopplingstabellen',
    `Okänd rad "${label}"${where} ${whereSv(p)}: ingen koppling säger vilket nyckeltal den är.${hint} Lägg till raden i kopplingstabellen (eller markera att den ska hoppas över) och importera igen.`,
    `Unknown row "${label}"${where} ${whereEn(p)}: no mapping says which KPI it is.${suggestion ? ` Did you mean "${suggestion.label}"?` : ''}`,
  );
  // The same facts as fields, so the import page can offer a prefilled mapping form.
  // Clipped like the message (but longer, since the page maps the row by it): a 10 MB label is no row to map.
  const cut = (t: string) => clip(t, MAX_LABEL);
  return { ...found, unknownRow: { section: cut(section), parentLabel: cut(parent), label: cut(label), suggestion: suggestion ? copyMapping(suggestion.mapping) : null } };
}

export function noUnit(p: Place, label: string): ImportIssue {
  const found = err(
    p,
    label,
    'en enhetskod',
    `Enhet saknas för raden "${label}" ${whereSv(p)}: kopplingen anger ingen enhet och importen ingen heller. Välj enheten för importen, eller ange den i radens koppling.`,
    `No unit for row "${label}" ${whereEn(p)}: give the unit with the import.`,
  );
  return { ...found, option: 'unit' };
}

export function halfSplit(p: Place, label: string, present: string, missing: string): ImportIssue {
  return err(
    p,
    label,
    `både ${present} och ${missing}`,
    `Raden "${label}" ${whereSv(p)} har en rad för ${present} men ingen för ${missing}, och totalen kan då inte delas upp. Lägg till raden för ${missing} eller koppla bort ${present}.`,
    `Row "${label}" ${whereEn(p)} has a sub-row for ${present} but none for ${missing}.`,
  );
}
