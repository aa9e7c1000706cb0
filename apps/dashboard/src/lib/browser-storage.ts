function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: nothing is remembered, the defaults apply
  }
}

/** A value this browser remembered, if it still has the expected shape (storage is user-editable). */
export function readStored(key: string, shape: RegExp): string | null {
  const v = storage()?.getItem(key) ?? null;
  return v !== null && shape.test(v) ? v : null;
}

export function writeStored(key: string, value: unknown, shape: RegExp): void {
  if (typeof value !== 'string' || !shape.test(value)) return;
  try {
    storage()?.setItem(key, value);
  } catch {
    // Full or blocked storage: not remembering is fine.
  }
}
