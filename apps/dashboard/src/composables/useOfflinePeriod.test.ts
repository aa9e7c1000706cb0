// @vitest-environment happy-dom
import { periodKey, type Period } from '@lagesbild/domain';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import type { LoadError } from '../lib/load-error.js';
import { useOfflinePeriod, type OfflinePeriod } from './useOfflinePeriod.js';

/** A view with rows for `shown` while the URL asks for `asked`, and its queries' error. */
function view() {
  const error = ref<LoadError | null>(null);
  const current = ref(true);
  const shown = ref<string | undefined>('2022-T1');
  const asked = ref<string | undefined>('2022-T1');
  const retry = vi.fn();
  // Set in setup; an object, so the check after mount is not narrowed away.
  const made: { state?: OfflinePeriod } = {};
  const View = defineComponent({
    setup() {
      made.state = useOfflinePeriod({ error: () => error.value, current: () => current.value, shown: () => shown.value, asked: () => asked.value, retry });
      return () => h('p');
    },
  });
  mount(View);
  const s = made.state;
  if (!s) throw new Error('not mounted');
  return { error, current, shown, asked, retry, s };
}

/** The period's key ("2022-T1"), or null. */
const key = (p: Period | null) => (p ? periodKey(p) : null);

describe('useOfflinePeriod: the picker and the data on screen agree while the server does not answer', () => {
  it('online, the picker follows a click at once and nothing waits', async () => {
    const v = view();
    v.asked.value = '2022-T2';
    v.current.value = false;
    await nextTick();
    expect(v.s.offline.value).toBe(false);
    expect(key(v.s.pickerPeriod.value)).toBe('2022-T2');
    expect(v.s.waitingPeriod.value).toBeNull();
  });

  it('unanswered, the picker shows the rows’ period, a new choice waits until an answer arrives, and coming back online asks again', async () => {
    const v = view();
    v.error.value = { kind: 'offline', cause: 'network' };
    v.asked.value = '2021-T3';
    v.current.value = false;
    await nextTick();
    expect(v.s.offline.value).toBe(true);
    expect(v.s.following.value).toBe(true);
    expect(key(v.s.pickerPeriod.value)).toBe('2022-T1');
    expect(key(v.s.waitingPeriod.value)).toBe('2021-T3');
    // A retry under way clears the error, but the screen still shows the old rows: still offline.
    v.error.value = null;
    await nextTick();
    expect(v.s.offline.value).toBe(true);
    v.error.value = { kind: 'offline', cause: 'network' };
    window.dispatchEvent(new Event('online'));
    expect(v.retry).toHaveBeenCalledTimes(1);
    // The answer arrives: the rows and the picker are the period chosen.
    v.error.value = null;
    v.shown.value = '2021-T3';
    v.current.value = true;
    await nextTick();
    expect(v.s.offline.value).toBe(false);
    expect(v.s.waitingPeriod.value).toBeNull();
    expect(key(v.s.pickerPeriod.value)).toBe('2021-T3');
  });

  it('a server that answers with a refusal is not offline', async () => {
    const v = view();
    v.error.value = { kind: 'request', status: 404, message: 'Enheten finns inte.' };
    await nextTick();
    expect(v.s.offline.value).toBe(false);
    window.dispatchEvent(new Event('online'));
    expect(v.retry).not.toHaveBeenCalled();
  });
});
