export * from './month.js';
export * from './period.js';
export * from './kpi.js';
export * from './aggregate.js';
export * from './status.js';
export * from './format.js';
export * from './unit-tree.js';
export * from './suppression.js';
