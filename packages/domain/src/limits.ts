/**
 * The bounds on what one request may ask for, in one place: every procedure
 * that takes a period goes through parsePeriod, which enforces the period
 * bounds; the server and the dashboard's tRPC client share the batch size;
 * the server refuses bodies over these sizes before reading them.
 */

/** The longest period any view computes: ten years of months (the demo holds five). */
export const MAX_PERIOD_MONTHS = 120;
/** Periods lie within these years; a year outside is a typo, and would make every read span centuries. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2199;

/** Calls in one tRPC batch request (server refuses more; the dashboard splits its batches at this size). */
export const MAX_BATCH_SIZE = 10;

/** Request bodies before sign-in (login is ~100 bytes). */
export const BODY_LIMIT_PUBLIC = 8 * 1024;
/** Request bodies of a signed-in caller outside import (a board, a comment, twelve monthly targets). */
export const BODY_LIMIT_SIGNED_IN = 256 * 1024;

/**
 * Rules the server enforces and the dashboard's forms check first, shared so
 * the two cannot drift (a form that lets through what the server refuses).
 */
/** Long enough for the reports' Kommentar column (a few paragraphs), short enough to stay a comment; counted in characters. */
export const COMMENT_MAX_LENGTH = 2000;
/** An organisation's id as it appears in a sign-in address (/logga-in?org=flen) and in --org. */
export const ORG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A target's yellow tolerance in percent: more than the whole target means nothing. */
export const MAX_TOLERANCE_PERCENT = 100;
