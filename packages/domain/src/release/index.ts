export * from './types.js';
export * from './build.js';
export * from './closure.js';
export * from './lookup.js';
export * from './individuals.js';
export * from './protect.js';
export { heldPeriods } from './periods.js';
export * from './labels.js';
