export { appRouter, type AppRouter } from './root.js';
export * from './context.js';
export * from './services/index.js';
export * from './access/index.js';
