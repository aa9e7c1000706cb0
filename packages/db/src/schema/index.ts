export * from './organisations.js';
export * from './units.js';
export * from './kpis.js';
export * from './import-batches.js';
export * from './observations.js';
export * from './targets.js';
export * from './comments.js';
