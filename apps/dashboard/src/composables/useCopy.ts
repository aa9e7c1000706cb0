import { ref, type Ref } from 'vue';

/**
 * Copies a one-time secret (a sign-in link, a screen's address) to the clipboard. Without clipboard access
 * (plain HTTP, a denied permission) the field showing it is selected for a manual copy instead.
 */
export function useCopy(field: Ref<HTMLInputElement | null>): { copied: Ref<'ok' | 'failed' | null>; copy: (text: string) => Promise<void> } {
  const copied = ref<'ok' | 'failed' | null>(null);
  async function copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      copied.value = 'ok';
    } catch {
      field.value?.select();
      copied.value = 'failed';
    }
  }
  return { copied, copy };
}
