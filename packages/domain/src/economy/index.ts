export * from './lines.js';
export * from './row.js';
export * from './accumulated.js';
export * from './table.js';
