export { appRouter, type AppRouter } from './root.js';
export * from './context.js';
export { ALL_UNITS, scopeGuard, type ScopeGuard, type UnitAccess } from './access/scope.js';
export * from './engine/index.js';
export * from './services/index.js';
export * from './errors.js';
export * from './access/scoped-use.js';
// The CLI imports through the same service as the import router.
export * from './services/import.js';
export * from './access/index.js';
export { LIVE_HEARTBEAT_MS } from './routers/live.js';
export { LiveSubscription, refusedMessage, type LiveMembership, type LiveOut } from './services/live-subscription.js';
export { revokeDeviceToken } from './services/boards.js';
