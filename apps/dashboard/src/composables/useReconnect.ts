import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Calls `retry` as soon as the browser is back online or the tab is shown
 * again, instead of waiting for the next scheduled retry.
 */
export function useReconnect(retry: () => void): void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') retry();
  };
  onMounted(() => {
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('online', retry);
    document.removeEventListener('visibilitychange', onVisible);
  });
}
