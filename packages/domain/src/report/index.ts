export * from './document.js';
export * from './text.js';
export * from './diff.js';
export * from './drift.js';
