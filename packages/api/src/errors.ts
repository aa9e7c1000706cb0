/** Errors a user can meet, in Swedish; the router maps them to tRPC codes in one place. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class InputError extends Error {
  override name = 'InputError';
}
