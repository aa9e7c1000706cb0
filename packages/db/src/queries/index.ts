export * from './kpis.js';
export * from './units.js';
export * from './observations.js';
export * from './targets.js';
export * from './rollups.js';
