export * from './engine-context.js';
export * from './kpi-values.js';
export * from './errors.js';
export * from './unit-tree.js';
export * from './overview.js';
