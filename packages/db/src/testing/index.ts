export * from './open.js';
export * from './builders.js';
