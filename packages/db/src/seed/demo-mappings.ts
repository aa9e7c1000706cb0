import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { importMappings } from '../schema/index.js';

type Gender = 'K' | 'M' | 'T';

interface DemoMapping {
  section: string;
  parentLabel: string;
  label: string;
  kpiId: string | null;
  gender: Gender;
  unitCode: string | null;
}

const map = (label: string, kpiId: string | null, opts: { parent?: string; section?: string; gender?: Gender; unit?: string } = {}): DemoMapping => ({
  section: opts.section ?? '',
  parentLabel: opts.parent ?? '',
  label,
  kpiId,
  gender: opts.gender ?? 'T',
  unitCode: opts.unit ?? null,
});
/** A row that is known but has no KPI (yet): imported as nothing, never reported as unknown. */
const skip = (label: string, opts: { parent?: string; section?: string } = {}) => map(label, null, opts);

const PAID = 'Varav antal med utbet. under månaden';
const YOUNG = 'Varav 18-24år';
const YOUNG_SPACED = 'Varav 18-24 år';

/**
 * "Statistik försörjningsstöd" (the 2018 and 2022 monthly reports): every row
 * on the unit given with the import (Ekonomiskt bistånd). The paying
 * households' total is checked against kvinnor + män and only the split is
 * stored; rows without a KPI (18–24, cases, decisions, reasons) are skipped.
 */
const ASSISTANCE: DemoMapping[] = [
  map('Totalt antal hushåll försörjningsstöd', 'hushall-totalt'),
  map('Antal barn som ingår i försörjningsstöd', 'barn-i-hushall'),
  skip(YOUNG, { parent: 'Antal barn som ingår i försörjningsstöd' }),
  map(PAID, 'hushall-utbetalt'),
  map('Kvinnor', 'hushall-utbetalt', { parent: PAID, gender: 'K' }),
  map('Män', 'hushall-utbetalt', { parent: PAID, gender: 'M' }),
  skip(YOUNG, { parent: PAID }),
  skip('Kvinnor', { parent: `${PAID} / ${YOUNG}` }),
  skip('Män', { parent: `${PAID} / ${YOUNG}` }),
  skip('Samtliga ärendetyper (Förs. stöd, 2:a handskontr. Egna medel)'),
  skip('Avslutade ärenden'),
  skip(YOUNG, { parent: 'Avslutade ärenden' }),
  map('Aktualiseringar', 'aktualiseringar'),
  map('Startade utredningar', 'startade-utredningar'),
  skip(YOUNG, { parent: 'Startade utredningar' }),
  map('Utbetalt försörjningsstöd under månaden', 'utbetalt-forsorjningsstod'),
  skip('Genomsnitt per hushåll'),
  // 2022: two Familjerätten rows and the Beslutsstatistik fragment printed below the table.
  skip('Skrivna Avtal, vårdnad, boende umgänge'),
  skip('Dödsboanmälningar'),
  skip(YOUNG_SPACED, { parent: 'Dödsboanmälningar' }),
  ...[
    'Sjukskriven läkarintyg otillr sjukpenning',
    'Sjukskriven läkarintyg väntar sjukpenning',
    'Studerar grundskolenivå',
    'Studerar gymnasienivå',
    'Utan försörjningshinder',
    'Väntar på etableringsersättning',
    'Väntar på pension/äldreförsörjningsstöd',
    'Totalt antal beslut',
  ].flatMap((reason) => [skip(reason), skip(YOUNG_SPACED, { parent: reason })]),
  ...['Antal unika ärenden', 'Antal unika ärendepersoner'].flatMap((l) => [skip(l), skip('varav kvinnor', { parent: l }), skip('varav män', { parent: l })]),
];

const children = (section: string, kpiId: string | null, unit: string, adults = false): DemoMapping[] =>
  adults
    ? [map('Kvinnor', kpiId, { section, gender: 'K', unit }), map('Män', kpiId, { section, gender: 'M', unit })]
    : [map('Flickor', kpiId, { section, gender: 'K', unit }), map('Pojkar', kpiId, { section, gender: 'M', unit })];

/**
 * "Statistik barn, unga och vuxna" (2018): section column plus sub-label.
 * Barn is counted on Barn och unga (BU), Vuxna on Myndighet vuxen (VUXEN),
 * Familjerätten on Barn och familj (BF), as the demo dataset does.
 */
const CHILDREN_ADULTS: DemoMapping[] = [
  map('Barn', 'aktualiseringar', { section: 'Aktualiseringar', unit: 'BU' }),
  map('Vuxna', 'aktualiseringar', { section: 'Aktualiseringar', unit: 'VUXEN' }),
  skip('Barn', { section: 'Förlängning av utredning' }),
  map('Barn', 'startade-utredningar', { section: 'Nystartade utredningar', unit: 'BU' }),
  map('Vuxna', 'startade-utredningar', { section: 'Nystartade utredningar', unit: 'VUXEN' }),
  skip('Barn', { section: 'Pågående utredningar' }),
  skip('Vuxna', { section: 'Pågående utredningar' }),
  map('Barn', 'avslutade-utredningar', { section: 'Avslutade utredningar', unit: 'BU' }),
  map('Vuxna', 'avslutade-utredningar', { section: 'Avslutade utredningar', unit: 'VUXEN' }),
  ...children('Familjehemsplacerade <21 år SoL', 'placerade-familjehem-sol', 'BU'),
  ...children('Vårdnadsöverflyttade', null, 'BU'),
  ...children('Familjehemsplacerade < 21 år LVU', 'placerade-familjehem-lvu', 'BU'),
  ...children('Tillfälliga placeringar', null, 'BU'),
  ...children('Barn HVB /SoL < 21 år', 'placerade-hvb-sol', 'BU'),
  ...children('Barn SIS < 21 år', 'placerade-sis-barn', 'BU'),
  ...children('Barn HVB /LVU < 21 år', 'placerade-hvb-lvu', 'BU'),
  skip('Lägenhetsboendet, 10 platser', { section: 'Barn, Klivet SoL < 21 år' }),
  skip('Kollektivet, 6 platser', { section: 'Barn, Klivet SoL < 21 år' }),
  skip('Kollektivet', { section: 'Barn, Klivet LVU <21 år' }),
  skip('Kollektivet', { section: 'Barn, Klivet JOUR <21 år' }),
  ...children('Pågående insatser - Kontaktfamiljer/Komplementfamiljer/Kontaktpersoner', null, 'BU'),
  ...children('Vuxna HVB/SOL', 'placerade-hvb-vuxna', 'VUXEN', true),
  ...children('Vuxna LVM/SIS', 'placerade-lvm-vuxna', 'VUXEN', true),
  ...children('Vuxna, familjehemsplacering', 'placerade-familjehem-vuxna', 'VUXEN', true),
  map('Aktualiseringar', 'aktualiseringar', { section: 'Familjerätten', unit: 'BF' }),
  skip('Påg. Utredningar inkl. samarbetssam. Tingsrätten', { section: 'Familjerätten' }),
  skip('Påg. samarbetssamtal exl. Tingsrätten', { section: 'Familjerätten' }),
  map('Nystartade utredningar', 'startade-utredningar', { section: 'Familjerätten', unit: 'BF' }),
  map('Avslutade utredningar', 'avslutade-utredningar', { section: 'Familjerätten', unit: 'BF' }),
  skip('Skrivna Avtal, vårdnad, boende umgänge', { section: 'Familjerätten' }),
  skip('Dödsboanmälningar', { section: 'Familjerätten' }),
];

const DEMO_MAPPINGS: readonly DemoMapping[] = [...ASSISTANCE, ...CHILDREN_ADULTS];

/** Replaces the organisation's import mappings with the defaults for the Katrineholm reports. */
export async function seedDemoMappings(db: Db, orgId: string): Promise<number> {
  await db.delete(importMappings).where(eq(importMappings.orgId, orgId));
  await db.insert(importMappings).values(DEMO_MAPPINGS.map((m) => ({ ...m, orgId, ageBand: '', updatedBy: 'seed' })));
  return DEMO_MAPPINGS.length;
}
