export * from './engine-context.js';
export * from './kpi-values.js';
export * from './kpi-forecast.js';
export * from './compare.js';
export * from './publish.js';
export * from './released.js';
