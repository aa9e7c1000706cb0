const KEY = 'lagesbild.enhet';
const UNIT_CODE = /^[A-Za-z0-9_-]{1,64}$/;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: nothing is remembered, the förvaltning is the default
  }
}

/** The unit last chosen in this browser, so a unit manager lands on their own unit. */
export function rememberedUnit(): string | null {
  const v = storage()?.getItem(KEY) ?? null;
  return v !== null && UNIT_CODE.test(v) ? v : null;
}

export function rememberUnit(code: unknown): void {
  if (typeof code !== 'string' || !UNIT_CODE.test(code)) return;
  try {
    storage()?.setItem(KEY, code);
  } catch {
    // Full or blocked storage: not remembering is fine.
  }
}
