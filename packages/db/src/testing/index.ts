export * from './open.js';
export * from './builders.js';
export * from './release-import.js';
export * from './goal-world.js';
export { referenceRows } from '../seed/reference-csv.js';
export { VOLUME_MEASURE_KPI } from '../seed/volume-measure-kpis.js';
