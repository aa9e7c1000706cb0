import { assistanceObservations } from './demo-assistance.js';
import { caseObservations } from './demo-cases.js';
import { DEMO_KPIS } from './demo-kpis.js';
import { hmeObservations, personnelObservations } from './demo-personnel.js';
import { personnelKeyObservations } from './demo-personnel-keys.js';
import { placementObservations } from './demo-placements.js';
import { reportDetailObservations } from './demo-report-details.js';
import { demoKpiPrognoses } from './demo-kpi-prognoses.js';
import { qualityObservations } from './demo-kpis-quality.js';
import { quality2017Observations } from './demo-kpis-quality-2017.js';
import { demoTargets } from './demo-targets.js';
import { demoEconomy } from './economy/demo-economy.js';
import { DEMO_UNITS } from './demo-units.js';
import { volumeObservations } from './demo-volumes.js';
import type { DemoDataset } from './types.js';

export const DEMO_ORG = { id: 'katrineholm', name: 'Katrineholms kommun' };

/**
 * The demo organisation: Socialförvaltningen i Katrineholm, January 2018 to
 * December 2022 (personnel from December 2017, since the reports' sick-leave
 * periods start on 1 December). Printed monthly figures are stored exactly and
 * marked reported; every other month is synthetic, generated so the period
 * figures the reports print come out of the engine. The kvalitetsberättelse
 * 2017's yearly figures (and KKiK's 2016) reach back before (unit tree from
 * January 2016). Pure and deterministic.
 */
export function buildDemoDataset(): DemoDataset {
  const observations = [
    ...assistanceObservations(),
    ...caseObservations(),
    ...placementObservations(),
    ...personnelObservations(),
    ...personnelKeyObservations(),
    ...hmeObservations(),
    ...volumeObservations(),
    ...reportDetailObservations(),
    ...qualityObservations(),
    ...quality2017Observations(),
  ];
  return {
    organisation: DEMO_ORG,
    units: DEMO_UNITS,
    kpis: DEMO_KPIS,
    observations,
    targets: demoTargets(observations),
    prognoses: demoKpiPrognoses(),
    economy: demoEconomy(observations),
  };
}
