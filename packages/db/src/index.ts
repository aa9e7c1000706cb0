export * from './client.js';
export * from './env.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './queries/index.js';
export * from './seed/index.js';
export * from './events/index.js';
export * from './rollups/index.js';
export * from './generate/index.js';
export * from './frame/index.js';
export * from './import/index.js';
// For raw aggregate SQL outside this package (bench/), which has no drizzle-orm of its own.
export { sql, type SQL } from 'drizzle-orm';
export { EmbeddedDatabaseError, type EmbeddedOptions } from './owner/open-embedded.js';
export * from './release/index.js';
