import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Whether a media query matches, kept up to date as the window is resized or a phone turned. */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  const follow = (e: MediaQueryListEvent) => (matches.value = e.matches);
  list?.addEventListener('change', follow);
  onBeforeUnmount(() => list?.removeEventListener('change', follow));
  return matches;
}
