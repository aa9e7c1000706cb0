import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

type Outputs = inferRouterOutputs<AppRouter>;

export type GoalItem = Outputs['goal']['list'][number];
export type GoalIndicator = GoalItem['indicators'][number];
export type HistoryItem = Outputs['assessment']['history'][number];
export type Decision = inferRouterInputs<AppRouter>['assessment']['decide'];

/** The goals of a unit and the units below it for a follow-up period ("2020-D"), with målbedömning and proposal. */
export function fetchGoals(q: { unit: string; period: string }): Promise<GoalItem[]> {
  return trpc.goal.list.query(q);
}

/** Every decision on a goal for a period, newest first. */
export function fetchHistory(q: { goalId: number; period: string }): Promise<HistoryItem[]> {
  return trpc.assessment.history.query(q);
}

/** Decides status and prognos; the server refuses (in Swedish) a departure from the proposal without a comment. */
export function decideAssessment(d: Decision): Promise<GoalItem> {
  return trpc.assessment.decide.mutate(d);
}
