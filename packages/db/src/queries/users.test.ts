import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, units } from '../schema/index.js';
import { insertOrganisation, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { addOrganisation, exactValueRolesOf, findOrganisationName, listOrganisationRows } from './organisations.js';
import { findUnitId, unitIdsByCode } from './units.js';
import {
  deleteUserRoles,
  findUserById,
  findUserByUsername,
  insertUser,
  insertUserRoles,
  listUserRoleRows,
  listUserRows,
  rolesOfUser,
  updateFailedLogins,
  updateUserDisabled,
  updateUserPassword,
} from './users.js';

const person = (orgId: string, username: string) => ({ orgId, username, displayName: username.toUpperCase(), email: null, passwordHash: null });

describe.each(TEST_DB_KINDS)('user, unit and organisation queries on %s', (kind) => {
  // The same unit code and username in two organisations: every query must keep to its own.
  const ids = { aSoc: 0, bSoc: 0 };
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a', 'A kommun');
    await insertOrganisation(db, 'b', 'B kommun');
    await db
      .update(organisations)
      .set({ exactValueRoles: ['admin', 'analytiker'] })
      .where(eq(organisations.id, 'b'));
    const rows = await db
      .insert(units)
      .values([
        { orgId: 'a', code: 'SOC', name: 'Soc A', kind: 'forvaltning', validFrom: '2022-01' },
        { orgId: 'b', code: 'SOC', name: 'Soc B', kind: 'forvaltning', validFrom: '2022-01' },
      ])
      .returning({ id: units.id });
    ids.aSoc = rows[0]?.id ?? 0;
    ids.bSoc = rows[1]?.id ?? 0;
  });

  it('finds unit ids by code within one organisation', async () => {
    const db = database.db;
    expect(await findUnitId(db, 'a', 'SOC')).toBe(ids.aSoc);
    expect(await findUnitId(db, 'b', 'SOC')).toBe(ids.bSoc);
    expect(await findUnitId(db, 'a', 'IFO')).toBeNull();
    expect(await unitIdsByCode(db, 'b', ['SOC', 'IFO'])).toEqual(new Map([['SOC', ids.bSoc]]));
    expect(await unitIdsByCode(db, 'a', [])).toEqual(new Map());
  });

  it('adds users and roles, lists them by username, and keeps organisations apart', async () => {
    const db = database.db;
    const eva = await insertUser(db, person('a', 'eva'));
    const adam = await insertUser(db, person('a', 'adam'));
    const evaB = await insertUser(db, person('b', 'eva'));
    await insertUserRoles(db, [
      { userId: eva, role: 'enhetschef', unitId: ids.aSoc },
      { userId: eva, role: 'analytiker', unitId: null },
      { userId: evaB, role: 'admin', unitId: null },
    ]);
    await insertUserRoles(db, []);
    expect((await listUserRows(db, 'a')).map((u) => u.username)).toEqual(['adam', 'eva']);
    expect((await findUserByUsername(db, 'b', 'eva'))?.id).toBe(evaB);
    expect(await findUserByUsername(db, 'b', 'adam')).toBeNull();
    expect((await findUserById(db, adam))?.orgId).toBe('a');
    const byRole = (a: { role: string }, b: { role: string }) => a.role.localeCompare(b.role);
    expect((await listUserRoleRows(db, 'a')).sort(byRole)).toEqual([
      { userId: eva, role: 'analytiker', unit: null },
      { userId: eva, role: 'enhetschef', unit: 'SOC' },
    ]);
    expect((await rolesOfUser(db, eva)).sort(byRole)).toEqual([
      { role: 'analytiker', unit: null },
      { role: 'enhetschef', unit: 'SOC' },
    ]);
    await deleteUserRoles(db, eva);
    expect(await rolesOfUser(db, eva)).toEqual([]);
    expect(await listUserRoleRows(db, 'b')).toEqual([{ userId: evaB, role: 'admin', unit: null }]);
  });

  it('changes a password only within the organisation, and clears a lock with it or with enabling', async () => {
    const db = database.db;
    const eva = (await findUserByUsername(db, 'a', 'eva'))?.id ?? -1;
    const lockedUntil = new Date(Date.UTC(2030, 0, 1));
    await updateFailedLogins(db, eva, { failedLogins: 3, lockedUntil });
    expect(await findUserById(db, eva)).toMatchObject({ failedLogins: 3, lockedUntil });
    await updateFailedLogins(db, -1, { failedLogins: 9 }); // no such user: nothing happens
    expect(await updateUserPassword(db, 'b', eva, 'hash-b')).toBe(false);
    expect(await findUserById(db, eva)).toMatchObject({ passwordHash: null, failedLogins: 3 });
    expect(await updateUserPassword(db, 'a', eva, 'hash-a')).toBe(true);
    expect(await findUserById(db, eva)).toMatchObject({ passwordHash: 'hash-a', failedLogins: 0, lockedUntil: null });
    await updateFailedLogins(db, eva, { failedLogins: 2 });
    await updateUserDisabled(db, eva, true);
    expect(await findUserById(db, eva)).toMatchObject({ disabled: true, failedLogins: 0 });
  });

  it('names organisations, counts their users, and reads who sees exact values', async () => {
    const db = database.db;
    await addOrganisation(db, { id: 'c', name: 'C kommun' });
    expect(await findOrganisationName(db, 'c')).toBe('C kommun');
    expect(await findOrganisationName(db, 'x')).toBeNull();
    expect(await listOrganisationRows(db)).toEqual([
      { id: 'a', name: 'A kommun', users: 2 },
      { id: 'b', name: 'B kommun', users: 1 },
      { id: 'c', name: 'C kommun', users: 0 },
    ]);
    expect(await exactValueRolesOf(db, 'a')).toEqual(['admin']);
    expect(await exactValueRolesOf(db, 'b')).toEqual(['admin', 'analytiker']);
    expect(await exactValueRolesOf(db, 'x')).toEqual([]);
  });
});
