export { appRouter, type AppRouter } from './root.js';
export * from './context.js';
export * from './services/index.js';
// The CLI imports through the same service as the import router.
export * from './services/import.js';
export * from './access/index.js';
export { LIVE_HEARTBEAT_MS } from './routers/live.js';
export { revokeDeviceToken } from './services/boards.js';
