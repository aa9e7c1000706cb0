import { ref, type Ref } from 'vue';
import type { NoticeState } from './useNotice.js';

/**
 * An admin page's change: marks the page busy, runs it, reloads the page's
 * data and then says how it went (the reload first, so the notice and the list
 * agree when the notice appears). Resolves to the result, or null when it failed.
 */
export function useReloadingAction(
  run: NoticeState['run'],
  reload: () => Promise<unknown>,
): {
  busy: Ref<boolean>;
  act: <T>(change: () => Promise<T>, ok: (result: T) => string) => Promise<T | null>;
} {
  const busy = ref(false);
  async function act<T>(change: () => Promise<T>, ok: (result: T) => string): Promise<T | null> {
    busy.value = true;
    const done = await run(
      async () => {
        const result = await change();
        await reload();
        return result;
      },
      { ok },
    );
    busy.value = false;
    return done;
  }
  return { busy, act };
}
