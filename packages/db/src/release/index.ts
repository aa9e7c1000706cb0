export * from './rebuild.js';
