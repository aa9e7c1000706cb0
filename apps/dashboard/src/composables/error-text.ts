/**
 * The server's message for a failed call, when it is one a user can read: the
 * server answers in Swedish and says what to do (wrong password, a name taken).
 * A validation dump ("[{…zod…}]") is for developers, and an error without a
 * message (no answer at all) says nothing, so the caller's own text is shown then.
 */
export function errorText(e: unknown, fallback: string): string {
  return e instanceof Error && e.message && !e.message.startsWith('[') ? e.message : fallback;
}

/** The error's text as it is, for messages that quote it after their own words ("Kunde inte spara: …"). */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
