import { z } from 'zod';

/**
 * Kolada's documented JSON (api.kolada.se v2, and v3's data endpoints, which
 * keep the same shape): every response is `{ count, values, next_page? }`.
 * Parsed strictly enough that a wrong file says what is wrong, loosely enough
 * that fields Kolada adds later do not break an import.
 */
const gender = z.enum(['T', 'K', 'M']);

const measurement = z.object({
  gender,
  count: z.number().int().nonnegative().nullable().optional(),
  /** "" when the value is published; Kolada's words otherwise (e.g. "Saknas"). */
  status: z.string().nullable().optional(),
  value: z.number().nullable(),
});

const period = z.union([z.number().int(), z.string().regex(/^\d{4}$/)]).transform(Number);

const koladaDataValue = z.object({
  kpi: z.string().min(1),
  municipality: z.string().min(1),
  period: period.pipe(z.number().int().min(1900).max(2200)),
  values: z.array(measurement),
});

export const koladaDataPage = z.object({
  count: z.number().int().nonnegative(),
  values: z.array(koladaDataValue),
  next_page: z.string().url().nullable().optional(),
});

const koladaKpi = z.object({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().nullable().optional(),
  is_divided_by_gender: z.union([z.boolean(), z.number()]).transform(Boolean).optional(),
  municipality_type: z.string().nullable().optional(),
  operating_area: z.string().nullable().optional(),
  publication_date: z.string().nullable().optional(),
});

const koladaMunicipality = z.object({ id: z.string().min(1), title: z.string(), type: z.string().nullable().optional() });

const koladaMunicipalityGroup = z.object({
  id: z.string().min(1),
  title: z.string(),
  members: z.array(koladaMunicipality.pick({ id: true, title: true })),
});

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ count: z.number().int().nonnegative(), values: z.array(item), next_page: z.string().url().nullable().optional() });
export const koladaKpiPage = page(koladaKpi);
export const koladaMunicipalityPage = page(koladaMunicipality);
export const koladaMunicipalityGroupPage = page(koladaMunicipalityGroup);

export type KoladaGender = z.infer<typeof gender>;
export type KoladaDataValue = z.infer<typeof koladaDataValue>;
export type KoladaKpi = z.infer<typeof koladaKpi>;
export type KoladaMunicipality = z.infer<typeof koladaMunicipality>;
export type KoladaMunicipalityGroup = z.infer<typeof koladaMunicipalityGroup>;
