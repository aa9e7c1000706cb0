import { trpc } from './trpc.js';

export type UserRow = Awaited<ReturnType<typeof trpc.user.list.query>>[number];
export type RoleGrant = { role: UserRow['roles'][number]['role']; unit: string | null };
export type AuditRow = Awaited<ReturnType<typeof trpc.audit.list.query>>[number];
export type AuditQuery = Parameters<typeof trpc.audit.list.query>[0];

export const listUsers = () => trpc.user.list.query();
export const createUser = (u: { username: string; displayName: string; password: string | null; roles: RoleGrant[] }) => trpc.user.create.mutate(u);
export const setRoles = (userId: number, roles: RoleGrant[]) => trpc.user.setRoles.mutate({ userId, roles });
export const setDisabled = (userId: number, disabled: boolean) => trpc.user.setDisabled.mutate({ userId, disabled });
export const setPassword = (userId: number, password: string) => trpc.user.setPassword.mutate({ userId, password });
/** A one-time sign-in link: a relative address and when it runs out. */
export const createLoginLink = (userId: number) => trpc.user.loginLink.mutate({ userId });
export const listAudit = (q: AuditQuery) => trpc.audit.list.query(q);
export const auditActions = () => trpc.audit.actions.query();
/** The units of the latest month, for the enhetschef's unit picker. */
export const listUnits = (month: string) => trpc.unit.tree.query({ month });
