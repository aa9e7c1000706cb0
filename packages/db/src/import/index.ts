// The import's queries: staging, plan, warnings, the batch writer, rollback, lock and lookups (issue 17: queries live in packages/db).
export { importMatch, importNew, importRaw, importStaging } from './temp-tables.js';
export { createStaging, stagedDuplicates, startImportTransaction, StagingWriter, STAGE_BATCH, type DuplicateCell, type StagedCell } from './staging.js';
export {
  createPlan,
  diffRows,
  planSummary,
  touchedCells,
  valueChange,
  type ImportCellValue,
  type ImportDiffRow,
  type ImportDiffSummary,
  type ImportOrigin,
  type ImportTouchedCells,
  type PlanRow,
} from './plan.js';
export { changedValueRows, jumpRows, olderReportRows, type GroupLimits, type GroupRow, type OlderReportRow } from './plan-warnings.js';
export { INSERT_CHUNK, RAW_CHUNK_BYTES, writeImportBatch, type BatchChunks, type ImportBatchInput } from './batch-writer.js';
export { rollbackBlockers, rollbackCounts, undoImportBatch, type LaterBatch, type RollbackBlockers, type RollbackCounts } from './rollback.js';
export { lockOrganisationImports } from './lock.js';
export { importCommittedBefore } from './history.js';
export { importMappingRows, monthCellsByCode, organisationExists, type MonthCell } from './lookups.js';
