export { buildDemoDataset, DEMO_ORG } from './demo-dataset.js';
export { seedDemo, type SeedSummary } from './seed-demo.js';
export type * from './types.js';
