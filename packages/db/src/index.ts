export * from './client.js';
export * from './env.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './queries/index.js';
export * from './seed/index.js';
export * from './events/index.js';
export * from './rollups/index.js';
export * from './generate/index.js';
