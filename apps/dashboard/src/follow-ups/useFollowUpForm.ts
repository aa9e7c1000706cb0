import { ref, shallowRef, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorText } from '../composables/error-text.js';
import { useNotice } from '../composables/useNotice.js';
import { hasErrors, type FormErrors } from './follow-up-forms.js';

/**
 * A follow-up form's state: its fields' errors, whether it is saving, and the
 * line that says how it went. `submit` checks the form before any request, so a
 * missing field is named at the field; `failed` is the fallback wording of a refusal.
 */
export function useFollowUpForm<F extends object>(form: F, check: (f: F) => FormErrors<F>, failed: () => string) {
  const { t } = useI18n();
  const { notice, run } = useNotice((err) => errorText(err, failed()));
  const errors: ShallowRef<FormErrors<F>> = shallowRef({});
  const saving = ref(false);
  /** The field's error in words, or null. */
  const err = (f: keyof F): string | null => {
    const e = errors.value[f];
    return e ? t(`followUps.errors.${e}`) : null;
  };

  /** Saves a complete form and says `ok`; `saved` runs only when it was saved (to empty the form). */
  async function submit(save: () => Promise<unknown>, ok: () => string, saved: () => void): Promise<void> {
    errors.value = check(form);
    if (hasErrors(errors.value)) return;
    saving.value = true;
    const done = await run(save, { ok });
    saving.value = false;
    if (done !== null) saved();
  }

  return { notice, errors, saving, err, submit };
}
