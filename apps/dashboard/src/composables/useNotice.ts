import { computed, ref, type ComputedRef, type Ref } from 'vue';

/** A line under a form or list that says how the last action went. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

interface RunOptions<T> {
  /** What to say when it worked; null clears the notice; without it the notice stays as it was. */
  ok?: (result: T) => string | null;
  /** What to say when it failed, instead of the notice's own wording. */
  failed?: (err: unknown) => string;
}

export interface NoticeState {
  notice: Ref<Notice | null>;
  /** Just the text, for places that show only errors. */
  message: ComputedRef<string | null>;
  ok(text: string): void;
  error(text: string): void;
  /** Says what went wrong with this error, in the notice's wording. */
  fail(err: unknown): void;
  clear(): void;
  /** Runs an action and says how it went; resolves to its result, or null when it failed (the error is shown, not thrown). */
  run<T>(action: () => Promise<T>, opts?: RunOptions<T>): Promise<T | null>;
}

/**
 * The notice of a view or form. `describe` turns an error into what the user
 * reads, usually `errorText` with the view's own words as fallback; it is
 * called when the error happens, so it follows a language switch.
 */
export function useNotice(describe: (err: unknown) => string): NoticeState {
  const notice = ref<Notice | null>(null);
  const set = (kind: Notice['kind'], text: string) => (notice.value = { kind, text });
  const fail = (err: unknown) => set('error', describe(err));

  async function run<T>(action: () => Promise<T>, opts: RunOptions<T> = {}): Promise<T | null> {
    try {
      const result = await action();
      if (opts.ok) {
        const text = opts.ok(result);
        notice.value = text === null ? null : { kind: 'ok', text };
      }
      return result;
    } catch (err) {
      if (opts.failed) set('error', opts.failed(err));
      else fail(err);
      return null;
    }
  }

  return {
    notice,
    message: computed(() => notice.value?.text ?? null),
    ok: (text) => set('ok', text),
    error: (text) => set('error', text),
    fail,
    clear: () => (notice.value = null),
    run,
  };
}
