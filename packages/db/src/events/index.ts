export * from './types.js';
export { recordEvent, distinctSorted } from './record.js';
export { readEventsAfter, latestEventId } from './read.js';
export { eventBusFor, closeEventBus, type EventBus, type BusListener, type BusMessage, type EventBusOptions } from './bus.js';
export { changePayload, gridOf, batchCells, recordImportCommitted, recordImportRolledBack, type ChangedCell } from './payloads.js';
