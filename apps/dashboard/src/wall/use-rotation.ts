import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/**
 * Shows slides in turn, each for its own number of seconds. `cycle` counts
 * every change, so the progress mark (a CSS animation keyed on it) restarts;
 * nothing runs per frame, so a screen left for weeks does no needless work.
 */
export function useRotation(durations: Ref<readonly number[]>) {
  const index = ref(0);
  const cycle = ref(0);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (i: number) => {
    if (timer) clearTimeout(timer);
    const n = durations.value.length;
    if (n === 0) return;
    index.value = ((i % n) + n) % n;
    cycle.value++;
    const seconds = durations.value[index.value] ?? 10;
    timer = setTimeout(() => show(index.value + 1), seconds * 1000);
  };
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  if (getCurrentScope()) onScopeDispose(stop);
  return { index, cycle, show, stop };
}
