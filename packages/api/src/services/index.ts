export * from './unit-list.js';
export * from './overview.js';
export * from './overview-reader.js';
export * from './query-value.js';
export * from './series.js';
export * from './drilldown.js';
export * from './organisations.js';
export * from './kolada.js';
