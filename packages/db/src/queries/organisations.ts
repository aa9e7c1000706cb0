import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { organisations, users } from '../schema/index.js';

export interface OrganisationRow {
  id: string;
  name: string;
  /** How many users it has. */
  users: number;
}

/** The organisation's name, or null when there is none with this id. */
export async function findOrganisationName(db: Db, id: string): Promise<string | null> {
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return org?.name ?? null;
}

/** The roles that see exact small counts in this organisation; none when it does not exist. */
export async function exactValueRolesOf(db: Db, orgId: string): Promise<string[]> {
  const [org] = await db.select({ roles: organisations.exactValueRoles }).from(organisations).where(eq(organisations.id, orgId));
  return org?.roles ?? [];
}

export async function listOrganisationRows(db: Db): Promise<OrganisationRow[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, users: count(users.id) })
    .from(organisations)
    .leftJoin(users, eq(users.orgId, organisations.id))
    .groupBy(organisations.id, organisations.name)
    .orderBy(asc(organisations.id));
}

export async function addOrganisation(db: Db, org: { id: string; name: string }): Promise<void> {
  await db.insert(organisations).values(org);
}
