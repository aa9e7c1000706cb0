import { yearOf } from '@lagesbild/domain';
import { HOUSEHOLD_LABELS, volumePrognoses } from './reported-lookup.js';
import type { DemoObservation, DemoTarget } from './types.js';

const YEARS = [2018, 2019, 2020, 2021, 2022];

function yearTotal(obs: DemoObservation[], kpiId: string, year: number): number {
  return obs.filter((o) => o.kpiId === kpiId && yearOf(o.month) === year).reduce((a, o) => a + o.numerator, 0);
}

const target = (t: Omit<DemoTarget, 'unitCode' | 'monthly'> & { monthly?: DemoTarget['monthly'] }): DemoTarget => ({ unitCode: 'SOC', monthly: null, ...t });

/** Where a printed prognosis exists it is the target (as the reports follow volumes against it); else a demo target. */
function fromPrognoses(kpiId: string, labels: string[], obs: DemoObservation[], kind: 'sum' | 'mean', tolerance: number): DemoTarget[] {
  const printed = volumePrognoses(labels);
  return YEARS.map((year) => {
    const p = printed.find((x) => x.year === year);
    if (p) return target({ kpiId, year, annual: p.value, tolerance, toleranceKind: 'percent', origin: 'reported', source: `Prognos ${year}, ${p.source} rad ${p.line}` });
    const total = yearTotal(obs, kpiId, year - 1) || yearTotal(obs, kpiId, year);
    // Households are stored per gender, so a yearly mean is the sum over both genders / 12.
    const annual = kind === 'mean' ? Math.round(total / 12) : Math.round(total * 0.97);
    return target({ kpiId, year, annual, tolerance, toleranceKind: 'percent', origin: 'demo', source: null });
  });
}

export function demoTargets(obs: DemoObservation[]): DemoTarget[] {
  const vd = (id: string, labels: string[]) => fromPrognoses(id, labels, obs, 'sum', 5);
  return [
    ...fromPrognoses('hushall-utbetalt', [...HOUSEHOLD_LABELS], obs, 'mean', 3),
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
    ...vd('varddygn-familjehem-bu', ['Antal utnyttjade vårddygn i familjehem, barn och unga exkl ensamkommande', 'Vårddygn i familjehem, barn och unga exkl ensamkommande']),
    ...vd('varddygn-institution-bu', ['Antal utnyttjade vårddygn på institution, barn och unga exkl ensamkommande', 'Vårddygn på institution, barn och unga exkl ensamkommande']),
    ...vd('varddygn-institution-vuxna', ['Antal utnyttjade vårddygn på institution, vuxna', 'Antal utnyttjande vårddygn på institution, vuxna']),
    ...YEARS.map((year) =>
      target({ kpiId: 'sjukfranvaro', year, annual: 6, tolerance: 0.5, toleranceKind: 'absolute', origin: 'reported', source: 'Mål i rapporterna: sjukfrånvaro högst 6 %' }),
    ),
    ...YEARS.map((year) => target({ kpiId: 'sjukfranvaro-lang', year, annual: 30, tolerance: 5, toleranceKind: 'absolute', origin: 'demo', source: null })),
    ...['hme', 'hme-motivation', 'hme-ledarskap', 'hme-styrning'].flatMap((kpiId) =>
      YEARS.map((year) => target({ kpiId, year, annual: 4.0, tolerance: 0.1, toleranceKind: 'absolute', origin: 'demo', source: null })),
    ),
  ];
}
