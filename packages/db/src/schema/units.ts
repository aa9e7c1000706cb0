import { index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { refColumn, tenantRowColumns, validityColumns } from './columns.js';

/**
 * An organisational unit: the förvaltning, an avdelning or an enhet. The code
 * is the stable identity users and files refer to; names and parents change
 * over time and live in unit_names and unit_links.
 */
export const units = pgTable(
  'units',
  {
    ...tenantRowColumns(),
    code: text('code').notNull(),
    /** The current (latest) name; earlier names are in unit_names. */
    name: text('name').notNull(),
    kind: text('kind', { enum: ['forvaltning', 'avdelning', 'enhet'] }).notNull(),
    /** First month the unit exists (YYYY-MM). */
    validFrom: text('valid_from').notNull(),
    /** First month it no longer exists, or null while it does. */
    validTo: text('valid_to'),
    note: text('note'),
  },
  // (org_id, id): the target of observations' one key for tenant and unit (observations.ts).
  (t) => [unique('units_org_code').on(t.orgId, t.code), unique('units_org_id').on(t.orgId, t.id)],
);

const unitRef = (name: 'unit_id' | 'parent_id') =>
  integer(name)
    .notNull()
    .references(() => units.id);

/** Parent links with validity: a unit's parent in month m is the link with valid_from <= m < valid_to. */
export const unitLinks = pgTable(
  'unit_links',
  {
    id: serial('id').primaryKey(),
    unitId: unitRef('unit_id'),
    parentId: unitRef('parent_id'),
    ...validityColumns(),
  },
  (t) => [index('unit_links_unit').on(t.unitId), index('unit_links_parent').on(t.parentId)],
);

/** Names with validity, so a renamed unit shows the name it had in the period viewed. */
export const unitNames = pgTable(
  'unit_names',
  {
    id: serial('id').primaryKey(),
    unitId: unitRef('unit_id'),
    name: text('name').notNull(),
    ...validityColumns(),
  },
  (t) => [index('unit_names_unit').on(t.unitId)],
);

/** A tenant table's first columns when each row belongs to a unit: its serial id, the organisation and the unit. */
export const unitRowColumns = () => ({
  ...tenantRowColumns(),
  unitId: refColumn('unit_id', () => units.id),
});
