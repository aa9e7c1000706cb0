export * from './dataset.js';
export * from './kpis.js';
export * from './units.js';
export * from './load.js';
export { createRandom } from '../seed/random.js';
