export * from './economy-view.js';
export type { KpiBudget } from './kpi-budgets.js';
