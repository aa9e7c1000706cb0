import { trpc } from './trpc.js';

export interface UnitOption {
  code: string;
  name: string;
  kind: 'forvaltning' | 'avdelning' | 'enhet';
  parent: string | null;
  depth: number;
}

/** The unit tree as it was in a month, limited by the server to the caller's own units. */
export function fetchUnitTree(month: string): Promise<UnitOption[]> {
  return trpc.unit.tree.query({ month });
}
