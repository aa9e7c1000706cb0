import { trpc } from './trpc.js';

export type BoardRow = Awaited<ReturnType<typeof trpc.board.list.query>>[number];
export type ScreenRow = BoardRow['devices'][number];
export type BoardInput = Parameters<typeof trpc.board.save.mutate>[0];
export type KpiOption = Awaited<ReturnType<typeof trpc.kpi.list.query>>[number];
export type UnitOption = Awaited<ReturnType<typeof trpc.unit.tree.query>>[number];

export const listBoards = () => trpc.board.list.query();
export const saveBoard = (board: BoardInput) => trpc.board.save.mutate(board);
/** The answer holds the token: the only time it exists outside the screen's own URL. */
export const createScreen = (boardId: number, name: string) => trpc.board.createDevice.mutate({ boardId, name });
export const revokeScreen = (id: number) => trpc.board.revokeDevice.mutate({ id });
/** The KPIs a slide can show: those the organisation has data or targets for. */
export const listKpis = async () => (await trpc.kpi.list.query()).filter((k) => k.inUse);
/** The units as they are in a month, for the slides' unit pickers. */
export const listUnits = (month: string) => trpc.unit.tree.query({ month });
