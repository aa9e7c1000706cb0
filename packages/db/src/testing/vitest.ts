// Apart from ./index.ts so the bench scripts can open test databases without vitest.
export * from './use-test-database.js';
