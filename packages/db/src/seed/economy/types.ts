/** One month's utfall or budget of a line on a unit, for the demo (see schema/economy.ts). */
export interface DemoEconomyAmount {
  unitCode: string;
  line: string;
  month: string;
  kind: 'utfall' | 'budget';
  amountTkr: number;
  origin: 'reported' | 'demo';
  source: string;
}

export interface DemoPrognos {
  unitCode: string;
  line: string;
  period: string;
  deviationTkr: number;
  label: string | null;
  origin: 'reported' | 'demo';
  source: string;
}

export interface DemoInvestment {
  unitCode: string;
  period: string;
  project: string;
  sortOrder: number;
  utfallTkr: number;
  budgetTkr: number;
  budgetLabel: string;
  deviationTkr: number;
  prognosTkr: number | null;
  prognosLabel: string | null;
  totalBudgetTkr: number | null;
  accumulatedTkr: number | null;
  completes: boolean | null;
  origin: 'reported';
  source: string;
}

export interface DemoEconomy {
  amounts: DemoEconomyAmount[];
  prognoses: DemoPrognos[];
  investments: DemoInvestment[];
}
