import { yearOf } from '@lagesbild/domain';
import type { DemoObservation, DemoTarget } from './types.js';

const YEARS = [2018, 2019, 2020, 2021, 2022];

function yearTotal(obs: DemoObservation[], kpiId: string, year: number): number {
  return obs.filter((o) => o.kpiId === kpiId && yearOf(o.month) === year).reduce((a, o) => a + o.numerator, 0);
}

const target = (t: Omit<DemoTarget, 'unitCode' | 'monthly'> & { monthly?: DemoTarget['monthly'] }): DemoTarget => ({ unitCode: 'SOC', monthly: null, ...t });

/**
 * A demo target from the year before (a mean KPI: its monthly mean; a sum: 3 % below). The reports print no target
 * for these volumes, only the förvaltning's prognos, which is stored as a prognos (demo-kpi-prognoses.ts), never as a target.
 */
function demoVolumeTargets(kpiId: string, obs: DemoObservation[], kind: 'sum' | 'mean', tolerance: number): DemoTarget[] {
  return YEARS.map((year) => {
    const total = yearTotal(obs, kpiId, year - 1) || yearTotal(obs, kpiId, year);
    // Households are stored per gender, so a yearly mean is the sum over both genders / 12.
    const annual = kind === 'mean' ? Math.round(total / 12) : Math.round(total * 0.97);
    return target({ kpiId, year, annual, tolerance, toleranceKind: 'percent', origin: 'demo', source: null });
  });
}

export function demoTargets(obs: DemoObservation[]): DemoTarget[] {
  const vd = (id: string) => demoVolumeTargets(id, obs, 'sum', 5);
  return [
    ...demoVolumeTargets('hushall-utbetalt', obs, 'mean', 3),
    ...YEARS.map((year) =>
      target({
        kpiId: 'utbetalt-forsorjningsstod',
        year,
        annual: Math.round(yearTotal(obs, 'utbetalt-forsorjningsstod', year) * 0.98),
        tolerance: 3,
        toleranceKind: 'percent',
        origin: 'demo',
        source: null,
      }),
    ),
    ...vd('varddygn-familjehem-bu'),
    ...vd('varddygn-institution-bu'),
    ...vd('varddygn-institution-vuxna'),
    ...YEARS.map((year) =>
      target({ kpiId: 'sjukfranvaro', year, annual: 6, tolerance: 0.5, toleranceKind: 'absolute', origin: 'reported', source: 'Mål i rapporterna: sjukfrånvaro högst 6 %' }),
    ),
    ...YEARS.map((year) => target({ kpiId: 'sjukfranvaro-lang', year, annual: 30, tolerance: 5, toleranceKind: 'absolute', origin: 'demo', source: null })),
    ...['hme', 'hme-motivation', 'hme-ledarskap', 'hme-styrning'].flatMap((kpiId) =>
      YEARS.map((year) => target({ kpiId, year, annual: 4.0, tolerance: 0.1, toleranceKind: 'absolute', origin: 'demo', source: null })),
    ),
  ];
}
