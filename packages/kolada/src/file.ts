import { z } from 'zod';
import {
  koladaDataPage,
  koladaKpiPage,
  koladaMunicipalityGroupPage,
  koladaMunicipalityPage,
  type KoladaDataValue,
  type KoladaGender,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaMunicipalityGroup,
} from './format.js';

/**
 * A Kolada file for a server without internet: the API's own JSON, saved as it
 * came. Accepted: one data page, a list of data pages (one per next_page), or
 * a bundle `{ data, kpi?, municipality?, municipality_groups? }` whose members
 * are pages (or lists of pages) of those endpoints.
 */
// Not a z.union: a union's error says only "Invalid input" at the top, and the admin needs the place.
const pages = <T extends z.ZodTypeAny>(page: T) =>
  z.preprocess((p: unknown): unknown[] => (Array.isArray(p) ? (p as unknown[]) : [p]), z.array(page)) as unknown as z.ZodType<z.infer<T>[]>;

const bundle = z.object({
  data: pages(koladaDataPage),
  kpi: pages(koladaKpiPage).optional(),
  municipality: pages(koladaMunicipalityPage).optional(),
  municipality_groups: pages(koladaMunicipalityGroupPage).optional(),
});

export interface KoladaFile {
  values: KoladaDataValue[];
  kpis: KoladaKpi[];
  municipalities: KoladaMunicipality[];
  groups: KoladaMunicipalityGroup[];
}

/** What is wrong with a file, where (file and JSON path), and what to do. */
export class KoladaFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KoladaFileError';
  }
}

const where = (path: readonly PropertyKey[]) =>
  path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : 'filens topp';
/** A single page is read as a list of one: name the place as it stands in the file, without that [0]. */
function placeIn(json: unknown, path: readonly PropertyKey[]): string {
  const out: PropertyKey[] = [];
  let node: unknown = json;
  for (const p of path) {
    if (typeof p === 'number' && !Array.isArray(node)) continue;
    out.push(p);
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return where(out);
}

export function parseKoladaFile(text: string, fileName: string): KoladaFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KoladaFileError(`${fileName}: är inte JSON (${(err as Error).message}). Spara Koladas svar som det kom, utan ändringar.`);
  }
  const isBundle = typeof json === 'object' && json !== null && !Array.isArray(json) && 'data' in json;
  const parsed = isBundle ? bundle.safeParse(json) : pages(koladaDataPage).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KoladaFileError(
      `${fileName}: ${placeIn(json, issue?.path ?? [])}: ${issue?.message ?? 'fel format'}. Filen ska vara Koladas JSON från /v2/data (med "values" och "count"), en lista av sådana sidor, eller { "data": …, "kpi": … }.`,
    );
  }
  const b = 'data' in parsed.data ? parsed.data : { data: parsed.data, kpi: undefined, municipality: undefined, municipality_groups: undefined };
  return {
    values: b.data.flatMap((p) => p.values),
    kpis: (b.kpi ?? []).flatMap((p) => p.values),
    municipalities: (b.municipality ?? []).flatMap((p) => p.values),
    groups: (b.municipality_groups ?? []).flatMap((p) => p.values),
  };
}

/** One stored figure: Kolada is yearly, so the period is a year. */
export interface KoladaRow {
  kpi: string;
  municipality: string;
  year: number;
  gender: KoladaGender;
  value: number | null;
  count: number | null;
  status: string;
}

/** Flat rows, one per kpi × municipality × year × gender; the same key twice with other figures is refused, not picked from. */
export function koladaRows(values: readonly KoladaDataValue[]): KoladaRow[] {
  const byKey = new Map<string, KoladaRow>();
  for (const v of values) {
    for (const m of v.values) {
      const row: KoladaRow = { kpi: v.kpi, municipality: v.municipality, year: v.period, gender: m.gender, value: m.value, count: m.count ?? null, status: m.status ?? '' };
      const key = `${row.kpi}|${row.municipality}|${row.year}|${row.gender}`;
      const had = byKey.get(key);
      if (had && (had.value !== row.value || had.status !== row.status)) {
        throw new KoladaFileError(
          `${row.kpi} för kommun ${row.municipality} år ${row.year} (${row.gender}) står två gånger med olika värden (${had.value ?? 'inget'} och ${row.value ?? 'inget'}). Hämta om från Kolada.`,
        );
      }
      byKey.set(key, row);
    }
  }
  return [...byKey.values()];
}
