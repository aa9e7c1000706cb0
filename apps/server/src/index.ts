export * from './http/server.js';
export * from './env.js';
