export { importFile, type ImportOptions, type ImportResult } from './import-file.js';
export { rollbackBatch, RollbackError, type RollbackResult } from './rollback.js';
export { MAX_ERRORS, type ImportIssue } from './errors.js';
export type { DiffRow, DiffSummary, Origin } from './diff.js';
export { parseLongCsv, longCsvParser, LONG_CSV_FORMAT } from './long-csv.js';
export type { FieldName, FormatParser, ParseOutcome, SourceCell, SourceRow } from './source-row.js';
export { validateRows, parseNumberCell, type ValidRow } from './validate.js';
export { loadCatalogue, type Catalogue } from './catalogue.js';
