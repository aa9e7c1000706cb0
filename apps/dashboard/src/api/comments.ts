import { trpc } from './trpc.js';
import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { useSessionStore } from '../stores/session.js';

export type CommentItem = inferRouterOutputs<AppRouter>['comment']['list'][number];

/** The server's own limit, so the form can count down. */
export { COMMENT_MAX_LENGTH } from '@lagesbild/domain';

export function fetchComments(q: { kpi: string; unit: string; period: string }): Promise<CommentItem[]> {
  return trpc.comment.list.query(q);
}

export function addComment(q: { kpi: string; unit: string; period: string; body: string }): Promise<CommentItem> {
  return trpc.comment.add.mutate(q);
}

export const canComment = (): Promise<boolean> => useSessionStore().may('comment');
