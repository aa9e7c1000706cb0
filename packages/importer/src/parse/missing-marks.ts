/**
 * What reports write in a cell for "uppgift saknas" (SCB's "..", "–" and "x", Excel's "…" for "..."): not a
 * number, and not an error the user can fix in the file, since the figure does not exist. The user may skip
 * them (CLI --skip-missing, the page's checkbox); then each is a warning.
 */
export const MISSING_MARKS: ReadonlySet<string> = new Set(['?', '..', '...', '…', '-', '–', '—', 'x', 'X']);
