import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

export type KoladaComparison = NonNullable<inferRouterOutputs<AppRouter>['kolada']['comparison']>;

/** Kolada's yearly figures beside a KPI of ours, or null when it is not mapped to Kolada. */
export function fetchKoladaComparison(kpi: string): Promise<KoladaComparison | null> {
  return trpc.kolada.comparison.query({ kpi });
}

export type KoladaSettings = inferRouterOutputs<AppRouter>['kolada']['settings'];
export type KoladaFetchResult = inferRouterOutputs<AppRouter>['kolada']['importFile'];

export const koladaSettings = (): Promise<KoladaSettings> => trpc.kolada.settings.query();
export const importKoladaFile = (name: string, text: string): Promise<KoladaFetchResult> => trpc.kolada.importFile.mutate({ name, text });
export const mapKolada = (kpi: string, koladaKpi: string, note: string): Promise<void> => trpc.kolada.map.mutate({ kpi, koladaKpi, note });
export const unmapKolada = (kpi: string): Promise<void> => trpc.kolada.unmap.mutate({ kpi });
export const chooseKolada = (own: string, group: string | null, municipalities: string[]): Promise<void> => trpc.kolada.choose.mutate({ own, group, municipalities });
export const mapKoladaIndicator = (indicatorId: number, koladaKpi: string | null): Promise<void> => trpc.kolada.mapIndicator.mutate({ indicatorId, koladaKpi });
