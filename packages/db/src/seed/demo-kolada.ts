import type { Db } from '../client.js';
import { setKoladaComparison, setKoladaMapping, storeKoladaFetch, type KoladaFetchInput, type KoladaValueInput } from '../queries/kolada.js';
import { quality2017Kolada } from './demo-kpis-quality-2017.js';
import { referenceRows } from './reference-csv.js';

/**
 * The demo's Kolada figures: the indicator annex of Delårsrapport 2020 (004,
 * reference/indicators_2020.csv) prints Katrineholm's outcome, K and M beside
 * Riket for the indicators Kolada has. They are stored as a Kolada fetch of
 * source 'demo' for 2020 (the report does not name the figures' year). The ids
 * are the demo's own, D + the report line, not Kolada's: the report does not
 * print Kolada's ids, and a guessed real id would compare with the wrong KPI.
 */
const DEMO_KOLADA_YEAR = 2020;
const KATRINEHOLM = '0483';
const RIKET = '0000';

export const demoKoladaId = (line: string): string => `D${line.padStart(5, '0')}`;

/** Which demo KPI compares with which annex indicator, and how their definitions differ. */
const DEMO_MAPPINGS = [
  {
    kpiId: 'sjukfranvaro',
    line: '497',
    note: 'Kolada: hela kommunens anställda, kalenderår. Vårt: förvaltningens anställda, per månad.',
    noteEn: "Kolada: all the municipality's employees, calendar year. Ours: the department's employees, per month.",
  },
];

function number(s: string | undefined): number | null {
  const n = Number((s ?? '').replace(',', '.'));
  return s === undefined || s.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The annex rows with a Riket figure and the brukarundersökning 2017's (demo-kpis-quality-2017.ts), as one Kolada fetch. */
function demoKoladaFetch(): KoladaFetchInput {
  const rows = referenceRows('indicators_2020').filter((r) => number(r['riket']) !== null);
  const values: KoladaValueInput[] = rows.flatMap((r) => {
    const kpi = demoKoladaId(r['line'] ?? '');
    const v = (municipality: string, gender: 'T' | 'K' | 'M', value: number | null): KoladaValueInput[] =>
      value === null ? [] : [{ kpi, municipality, year: DEMO_KOLADA_YEAR, gender, value, count: 1, status: '' }];
    return [
      ...v(KATRINEHOLM, 'T', number(r['total'])),
      ...v(KATRINEHOLM, 'K', number(r['kvinnor'])),
      ...v(KATRINEHOLM, 'M', number(r['man'])),
      ...v(RIKET, 'T', number(r['riket'])),
    ];
  });
  const survey = quality2017Kolada(KATRINEHOLM, RIKET);
  return {
    source: 'demo',
    origin: 'Delårsrapport 2020, bilaga indikatorer, och Kvalitetsberättelse 2017 (demo)',
    fetchedBy: 'seed',
    values: [...values, ...survey.values],
    kpis: [
      ...rows.map((r) => ({
        id: demoKoladaId(r['line'] ?? ''),
        title: r['indicator_sv'] ?? '',
        description: `Demo: som i Delårsrapport 2020, rad ${r['line'] ?? ''}.`,
        dividedByGender: number(r['kvinnor']) !== null,
      })),
      ...survey.kpis,
    ],
    municipalities: [
      { id: KATRINEHOLM, title: 'Katrineholm', type: 'K' },
      { id: RIKET, title: 'Riket', type: 'L' },
    ],
  };
}

/** The demo's Kolada figures, its mappings and its comparison (Katrineholm beside Riket); a second seed stores nothing twice. */
export async function seedDemoKolada(db: Db, orgId: string): Promise<void> {
  await storeKoladaFetch(db, demoKoladaFetch());
  const mappings = [
    ...DEMO_MAPPINGS.map((m) => ({ kpiId: m.kpiId, koladaKpi: demoKoladaId(m.line), note: m.note, noteEn: m.noteEn })),
    ...quality2017Kolada(KATRINEHOLM, RIKET).mappings,
  ];
  for (const m of mappings) await setKoladaMapping(db, { orgId, ...m, updatedBy: 'seed' });
  await setKoladaComparison(db, { orgId, ownMunicipality: KATRINEHOLM, groupId: null, municipalities: [] });
}
