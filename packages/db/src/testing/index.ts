export * from './open.js';
export * from './builders.js';
export * from './release-import.js';
export * from './goal-world.js';
export { referenceRows } from '../seed/reference-csv.js';
