import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importMappings } from '../schema/index.js';
import { DECISION_REASONS } from './decision-reasons.js';

type Gender = 'K' | 'M' | 'T';

/** An import_mappings row as the seed writes it (the importer's LabelMapping). */
type DemoMapping = Pick<typeof importMappings.$inferSelect, 'section' | 'parentLabel' | 'label' | 'kpiId' | 'gender' | 'ageBand' | 'unitCode'>;

const map = (label: string, kpiId: string | null, opts: { parent?: string; section?: string; gender?: Gender; band?: string; unit?: string } = {}): DemoMapping => ({
  section: opts.section ?? '',
  parentLabel: opts.parent ?? '',
  label,
  kpiId,
  gender: opts.gender ?? 'T',
  ageBand: opts.band ?? '',
  unitCode: opts.unit ?? null,
});

const PAID = 'Varav antal med utbet. under månaden';
const YOUNG = 'Varav 18-24år';
const YOUNG_SPACED = 'Varav 18-24 år';

/** A "Varav 18-24 år" row: band 18-24 of the KPI it is a subset of. */
const young = (parent: string, kpiId: string, label = YOUNG, gender: Gender = 'T') => map(label, kpiId, { parent, band: '18-24', gender });

/** A decision reason ("orsak till försörjningsstöd") and its varav 18–24. */
const reason = (label: string, kpiId: string) => [map(label, kpiId), young(label, kpiId, YOUNG_SPACED)];

/**
 * "Statistik försörjningsstöd" (the 2018 and 2022 monthly reports): every row
 * on the unit given with the import (Ekonomiskt bistånd), the Familjerätten
 * rows of 2022 on Barn och familj. A total with kvinnor and män rows of the
 * same KPI is checked against their sum and only the split is stored (paying
 * households, and their 18–24); "Genomsnitt per hushåll" is the ratio
 * kr / paying households (utbetalt-per-hushall), computed, never stored.
 */
const ASSISTANCE: DemoMapping[] = [
  map('Totalt antal hushåll försörjningsstöd', 'hushall-totalt'),
  map('Antal barn som ingår i försörjningsstöd', 'barn-i-hushall'),
  // Printed below the children, but the households (applicant 18–24): data/README.md, 003 l.2294.
  young('Antal barn som ingår i försörjningsstöd', 'hushall-totalt'),
  map(PAID, 'hushall-utbetalt'),
  map('Kvinnor', 'hushall-utbetalt', { parent: PAID, gender: 'K' }),
  map('Män', 'hushall-utbetalt', { parent: PAID, gender: 'M' }),
  young(PAID, 'hushall-utbetalt'),
  young(`${PAID} / ${YOUNG}`, 'hushall-utbetalt', 'Kvinnor', 'K'),
  young(`${PAID} / ${YOUNG}`, 'hushall-utbetalt', 'Män', 'M'),
  map('Samtliga ärendetyper (Förs. stöd, 2:a handskontr. Egna medel)', 'arenden-samtliga'),
  map('Avslutade ärenden', 'avslutade-arenden'),
  young('Avslutade ärenden', 'avslutade-arenden'),
  map('Aktualiseringar', 'aktualiseringar'),
  map('Startade utredningar', 'startade-utredningar'),
  young('Startade utredningar', 'startade-utredningar'),
  map('Utbetalt försörjningsstöd under månaden', 'utbetalt-forsorjningsstod'),
  map('Genomsnitt per hushåll', 'utbetalt-per-hushall'),
  // 2022: two Familjerätten rows and the Beslutsstatistik fragment printed below the table.
  map('Skrivna Avtal, vårdnad, boende umgänge', 'familjeratt-avtal', { unit: 'BF' }),
  map('Dödsboanmälningar', 'dodsboanmalningar', { unit: 'BF' }),
  // The fragment's first row: a "varav 18-24 år" whose reason row was not printed (001 l.721).
  young('Dödsboanmälningar', 'beslut-orsak-ej-utskriven', YOUNG_SPACED),
  ...DECISION_REASONS.flatMap(([slug, printed]) => reason(printed, `beslut-${slug}`)),
  ...reason('Totalt antal beslut', 'beslut-totalt'),
  // The printed kvinnor + män is not always the total (2022: 278 of 631 persons), so both are kept, on two KPIs.
  ...(
    [
      ['Antal unika ärenden', 'unika-arenden'],
      ['Antal unika ärendepersoner', 'unika-arendepersoner'],
    ] as const
  ).flatMap(([l, kpi]) => [map(l, kpi), map('varav kvinnor', `${kpi}-kon`, { parent: l, gender: 'K' }), map('varav män', `${kpi}-kon`, { parent: l, gender: 'M' })]),
];

const children = (section: string, kpiId: string, unit: string, adults = false): DemoMapping[] =>
  adults
    ? [map('Kvinnor', kpiId, { section, gender: 'K', unit }), map('Män', kpiId, { section, gender: 'M', unit })]
    : [map('Flickor', kpiId, { section, gender: 'K', unit }), map('Pojkar', kpiId, { section, gender: 'M', unit })];

/** A section's Barn row on Barn och unga and its Vuxna row on Myndighet vuxen. */
const childrenAndAdults = (section: string, kpiId: string): DemoMapping[] => [map('Barn', kpiId, { section, unit: 'BU' }), map('Vuxna', kpiId, { section, unit: 'VUXEN' })];

/**
 * "Statistik barn, unga och vuxna" (2018): section column plus sub-label.
 * Barn is counted on Barn och unga (BU), Vuxna on Myndighet vuxen (VUXEN),
 * Familjerätten on Barn och familj (BF), as the demo dataset does.
 */
const CHILDREN_ADULTS: DemoMapping[] = [
  ...childrenAndAdults('Aktualiseringar', 'aktualiseringar'),
  map('Barn', 'forlangda-utredningar', { section: 'Förlängning av utredning', unit: 'BU' }),
  ...childrenAndAdults('Nystartade utredningar', 'startade-utredningar'),
  ...childrenAndAdults('Pågående utredningar', 'pagaende-utredningar'),
  ...childrenAndAdults('Avslutade utredningar', 'avslutade-utredningar'),
  ...children('Familjehemsplacerade <21 år SoL', 'placerade-familjehem-sol', 'BU'),
  ...children('Vårdnadsöverflyttade', 'vardnadsoverflyttade', 'BU'),
  ...children('Familjehemsplacerade < 21 år LVU', 'placerade-familjehem-lvu', 'BU'),
  ...children('Tillfälliga placeringar', 'placerade-tillfalliga', 'BU'),
  ...children('Barn HVB /SoL < 21 år', 'placerade-hvb-sol', 'BU'),
  ...children('Barn SIS < 21 år', 'placerade-sis-barn', 'BU'),
  ...children('Barn HVB /LVU < 21 år', 'placerade-hvb-lvu', 'BU'),
  map('Lägenhetsboendet, 10 platser', 'klivet-lagenhet-sol', { section: 'Barn, Klivet SoL < 21 år', unit: 'BU' }),
  map('Kollektivet, 6 platser', 'klivet-kollektivet-sol', { section: 'Barn, Klivet SoL < 21 år', unit: 'BU' }),
  map('Kollektivet', 'klivet-kollektivet-lvu', { section: 'Barn, Klivet LVU <21 år', unit: 'BU' }),
  map('Kollektivet', 'klivet-kollektivet-jour', { section: 'Barn, Klivet JOUR <21 år', unit: 'BU' }),
  ...children('Pågående insatser - Kontaktfamiljer/Komplementfamiljer/Kontaktpersoner', 'kontaktfamiljer', 'BF'),
  ...children('Vuxna HVB/SOL', 'placerade-hvb-vuxna', 'VUXEN', true),
  ...children('Vuxna LVM/SIS', 'placerade-lvm-vuxna', 'VUXEN', true),
  ...children('Vuxna, familjehemsplacering', 'placerade-familjehem-vuxna', 'VUXEN', true),
  ...(
    [
      ['Aktualiseringar', 'aktualiseringar'],
      ['Påg. Utredningar inkl. samarbetssam. Tingsrätten', 'familjeratt-pagaende-utredningar'],
      ['Påg. samarbetssamtal exl. Tingsrätten', 'familjeratt-samarbetssamtal'],
      ['Nystartade utredningar', 'startade-utredningar'],
      ['Avslutade utredningar', 'avslutade-utredningar'],
      ['Skrivna Avtal, vårdnad, boende umgänge', 'familjeratt-avtal'],
      ['Dödsboanmälningar', 'dodsboanmalningar'],
    ] as const
  ).map(([label, kpiId]) => map(label, kpiId, { section: 'Familjerätten', unit: 'BF' })),
];

export const DEMO_MAPPINGS: readonly DemoMapping[] = [...ASSISTANCE, ...CHILDREN_ADULTS];

/** Replaces the organisation's import mappings with the defaults for the Katrineholm reports. */
export async function seedDemoMappings(db: Db, orgId: string): Promise<number> {
  await db.delete(importMappings).where(eq(importMappings.orgId, orgId));
  await db.insert(importMappings).values(DEMO_MAPPINGS.map((m) => ({ ...m, orgId, updatedBy: 'seed' })));
  return DEMO_MAPPINGS.length;
}
