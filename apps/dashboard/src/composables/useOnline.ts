import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Whether the browser believes it has a network (navigator.onLine), kept up to date. */
export function useOnline(): Ref<boolean> {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const up = () => (online.value = true);
  const down = () => (online.value = false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  onBeforeUnmount(() => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  });
  return online;
}
