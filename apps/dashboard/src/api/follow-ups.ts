import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type AtgardItem = Outputs['atgard']['list'][number];
export type AtgardStatus = AtgardItem['status'];
export type UppdragItem = Outputs['uppdrag']['list'][number];
export type UppdragStatus = UppdragItem['status'];
export type RiskItem = Outputs['risk']['list'][number];
export type KpiGoal = Outputs['goal']['forKpi'][number];

/** Where follow-ups are read and written: a unit and a follow-up period ("2020-D", "2020-T1", "2020"). */
export interface FollowUpScope {
  unit: string;
  period: string;
}

export type AtgardDraft = Omit<Inputs['atgard']['add'], 'unit' | 'period'>;
export type UppdragDraft = Omit<Inputs['uppdrag']['add'], 'unit' | 'period'>;
export type CommentDraft = Omit<Inputs['uppdrag']['comment'], 'unit' | 'period'>;
export type RiskDraft = Omit<Inputs['risk']['add'], 'unit' | 'period'>;

export const fetchAtgarder = (s: FollowUpScope & { kpi?: string }): Promise<AtgardItem[]> => trpc.atgard.list.query(s);
export const fetchUppdrag = (s: FollowUpScope): Promise<UppdragItem[]> => trpc.uppdrag.list.query(s);
export const fetchRisks = (s: FollowUpScope): Promise<RiskItem[]> => trpc.risk.list.query(s);
/** The goals of the unit (and below) that follow up the KPI, with their målbedömning for the period. */
export const fetchKpiGoals = (q: FollowUpScope & { kpi: string }): Promise<KpiGoal[]> => trpc.goal.forKpi.query(q);

export const addAtgard = (s: FollowUpScope, a: AtgardDraft) => trpc.atgard.add.mutate({ ...s, ...a });
export const setAtgardStatus = (s: FollowUpScope, id: number, status: AtgardStatus) => trpc.atgard.setStatus.mutate({ ...s, id, status });
export const addUppdrag = (s: FollowUpScope, u: UppdragDraft) => trpc.uppdrag.add.mutate({ ...s, ...u });
export const commentUppdrag = (s: FollowUpScope, c: CommentDraft) => trpc.uppdrag.comment.mutate({ ...s, ...c });
export const addRisk = (s: FollowUpScope, r: RiskDraft) => trpc.risk.add.mutate({ ...s, ...r });
