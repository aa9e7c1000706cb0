import type { WindowFamily } from './measurement-window.js';

/** The KPI definition shared by database, server and dashboard. */
import type { AgeBandKind } from './age-band.js';

export type Gender = 'K' | 'M' | 'T';
export const GENDERS: readonly Gender[] = ['K', 'M', 'T'];

/** How monthly values combine over time (DESIGN.md: flows sum, "genomsnitt per månad" means, stocks take the last). */
export type TimeAggregation = 'sum' | 'mean' | 'last';
export type Direction = 'higher' | 'lower' | 'none';
export type MeasureUnit = 'count' | 'kr' | 'tkr' | 'percent' | 'score' | 'index' | 'days' | 'fte';
/**
 * Which suppression rule protects the KPI: small counts of people, sick leave
 * (groups of at most 10 employees), HME (fewer than 5 respondents), or none
 * (amounts that identify nobody on their own).
 */
export type PrivacyClass = 'none' | 'small-count' | 'sick-leave' | 'hme';
export type KpiGroup = 'ekonomiskt-bistand' | 'placeringar' | 'barn-unga-vuxna' | 'personal' | 'medarbetarengagemang' | 'ekonomi';

export const KPI_GROUPS: readonly KpiGroup[] = ['ekonomiskt-bistand', 'barn-unga-vuxna', 'placeringar', 'personal', 'medarbetarengagemang', 'ekonomi'];

export interface KpiDefinition {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  /** The description in English, when written; the dashboard falls back to the Swedish one (marked as Swedish). */
  descriptionEn?: string | null;
  group: KpiGroup;
  unit: MeasureUnit;
  decimals: number;
  direction: Direction;
  timeAggregation: TimeAggregation;
  /** A ratio KPI is Σ numerator KPI / Σ denominator KPI over the same cells; it stores no observations itself. */
  ratioOf: { numerator: string; denominator: string } | null;
  /** Multiplier applied to Σnum/Σden, e.g. 100 for a percentage of hours. */
  scale: number;
  genderSplit: boolean;
  /** Age bands the KPI is reported by (e.g. sick leave "-29", "30-49", "50-"); empty when none. */
  ageBands: string[];
  /**
   * How the bands relate to the total (see age-band.ts): 'partition' (default)
   * when they make it up (sick leave -29/30-49/50-: the total is their sum),
   * 'subset' when each is a "varav" of a total stored beside it with band ''
   * (households paid, varav 18–24).
   */
  ageBandKind?: AgeBandKind;
  privacyClass: PrivacyClass;
  /**
   * The KPIs whose sum counts the individuals behind this one, same unit,
   * month and gender (care days: the persons placed in that care form, which
   * the reports print beside them). Absent or empty: counted from the value
   * itself, or estimated (care days / 30,4 a month) where no count is stored.
   */
  individualsKpis?: string[];
  /** Which months a report period means for this KPI (measurement-window.ts); absent: 'calendar', the period itself. */
  windowFamily?: WindowFamily;
  source: string;
  /** The source in English, when written; as descriptionEn. */
  sourceEn?: string | null;
}
