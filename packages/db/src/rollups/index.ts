export * from './refresh.js';
export * from './after-change.js';
