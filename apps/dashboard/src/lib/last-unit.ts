import { readStored, writeStored } from './browser-storage.js';

const KEY = 'lagesbild.enhet';
const UNIT_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** The unit last chosen in this browser, so a unit manager lands on their own unit. */
export const rememberedUnit = (): string | null => readStored(KEY, UNIT_CODE);

export const rememberUnit = (code: unknown): void => writeStored(KEY, code, UNIT_CODE);
