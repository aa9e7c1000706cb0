import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { economyAmounts, economyPrognoses, investments, units } from '../schema/index.js';

type Provenance = { origin: 'reported' | 'demo' | 'user'; source: string | null };

export interface EconomyAmountRecord extends Provenance {
  unit: string;
  line: string;
  month: string;
  kind: 'utfall' | 'budget';
  amount: number;
}

export interface EconomyPrognosRecord extends Provenance {
  unit: string;
  line: string;
  deviation: number;
  label: string | null;
}

export type InvestmentRecord = Omit<typeof investments.$inferSelect, 'id' | 'orgId' | 'unitId'> & { unit: string };

/** An organisation's economy amounts (utfall and budgets) over a month range. */
export async function loadEconomyAmounts(db: Db, orgId: string, start: string, end: string): Promise<EconomyAmountRecord[]> {
  return db
    .select({
      unit: units.code,
      line: economyAmounts.line,
      month: economyAmounts.month,
      kind: economyAmounts.kind,
      amount: economyAmounts.amountTkr,
      origin: economyAmounts.origin,
      source: economyAmounts.source,
    })
    .from(economyAmounts)
    .innerJoin(units, eq(units.id, economyAmounts.unitId))
    .where(and(eq(economyAmounts.orgId, orgId), gte(economyAmounts.month, start), lte(economyAmounts.month, end)));
}

/** The prognoses made at one report period ('2022-T1', '2020-D'). */
export async function loadEconomyPrognoses(db: Db, orgId: string, period: string): Promise<EconomyPrognosRecord[]> {
  return db
    .select({
      unit: units.code,
      line: economyPrognoses.line,
      deviation: economyPrognoses.deviationTkr,
      label: economyPrognoses.label,
      origin: economyPrognoses.origin,
      source: economyPrognoses.source,
    })
    .from(economyPrognoses)
    .innerJoin(units, eq(units.id, economyPrognoses.unitId))
    .where(and(eq(economyPrognoses.orgId, orgId), eq(economyPrognoses.period, period)));
}

/** The investeringsredovisning of one report period, in printed order. */
export async function loadInvestments(db: Db, orgId: string, period: string): Promise<InvestmentRecord[]> {
  const rows = await db
    .select()
    .from(investments)
    .innerJoin(units, eq(units.id, investments.unitId))
    .where(and(eq(investments.orgId, orgId), eq(investments.period, period)))
    .orderBy(asc(investments.sortOrder));
  return rows.map(({ investments: { id: _id, orgId: _org, unitId: _unit, ...r }, units: u }) => ({ ...r, unit: u.code }));
}

/** The report periods the economy has prognoses or investments for, newest first. */
export async function loadEconomyPeriods(db: Db, orgId: string): Promise<string[]> {
  const [p, i] = await Promise.all([
    db.selectDistinct({ period: economyPrognoses.period }).from(economyPrognoses).where(eq(economyPrognoses.orgId, orgId)),
    db.selectDistinct({ period: investments.period }).from(investments).where(eq(investments.orgId, orgId)),
  ]);
  const periods: string[] = [...p, ...i].map((r) => r.period);
  return [...new Set(periods)].sort().reverse();
}
