import { addOrganisation, findOrganisationName, listOrganisationRows, type Db, type OrganisationRow } from '@lagesbild/db';
import { ORG_ID_PATTERN } from '@lagesbild/domain';
import { recordAudit } from '../access/audit.js';
import { InputError, NotFoundError } from '../errors.js';

/** Shared with the dashboard, which remembers the last organisation only in this shape. */
export { ORG_ID_PATTERN };
export const ORG_ID_RULE = 'Organisationens id får bara innehålla a–z, 0–9 och bindestreck (högst 64 tecken), t.ex. "flen".';

/** An organisation and how many users it has. */
export type OrganisationSummary = OrganisationRow;

export function organisationName(db: Db, id: string): Promise<string | null> {
  return findOrganisationName(db, id);
}

/** Throws a Swedish message naming what to do when the organisation does not exist. */
export async function requireOrganisation(db: Db, id: string): Promise<string> {
  const name = await organisationName(db, id);
  if (name === null)
    throw new NotFoundError(`Organisationen "${id}" finns inte. Se vilka som finns med "pnpm lagesbild org list", eller skapa den med "pnpm lagesbild org add ${id} --name …".`);
  return name;
}

export function listOrganisations(db: Db): Promise<OrganisationSummary[]> {
  return listOrganisationRows(db);
}

/** A new tenant: nothing of any other organisation is visible to it, and its first admin comes from "user add --org". */
export async function createOrganisation(db: Db, input: { id: string; name: string }, actor: string): Promise<void> {
  const id = input.id.trim().toLowerCase();
  const name = input.name.trim();
  if (!ORG_ID_PATTERN.test(id)) throw new InputError(ORG_ID_RULE);
  // "pnpm lagesbild generate" replaces gen-NNN wholesale; a real tenant must never be one.
  if (id.startsWith('gen-'))
    throw new InputError('Id:n som börjar med "gen-" är reserverade för genererade testdata (pnpm lagesbild generate). Välj ett annat, t.ex. kommunens namn.');
  if (!name) throw new InputError('Ange organisationens namn med --name, t.ex. --name "Flens kommun".');
  if ((await organisationName(db, id)) !== null) throw new InputError(`Organisationen "${id}" finns redan.`);
  await db.transaction(async (tx) => {
    await addOrganisation(tx, { id, name });
    await recordAudit(tx, { orgId: id, actor, action: 'organisation.created', target: `org:${id}`, detail: { name } });
  });
}
