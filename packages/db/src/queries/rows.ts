import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Small pieces many queries share: drizzle returns arrays even for a key lookup, and every tenant table is read within one organisation.

/** The first row, or null when there is none (a lookup that may miss). */
export async function firstOrNull<T>(rows: PromiseLike<T[]>): Promise<T | null> {
  const [row] = await rows;
  return row ?? null;
}

/** The row a write returned; a write that returned none is a bug, not a miss. */
export async function one<T>(rows: PromiseLike<T[]>, table: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`${table}: write returned nothing`);
  return row;
}

/** The row with this id, within the organisation: a row of another organisation is never found. */
export const idInOrg = (table: { id: AnyPgColumn; orgId: AnyPgColumn }, key: { orgId: string; id: number }): SQL | undefined =>
  and(eq(table.id, key.id), eq(table.orgId, key.orgId));
