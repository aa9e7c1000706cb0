import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { replaceQueryWhileOn, trackPendingNavigation } from './late-replace.js';

/** A router whose "import" page takes until `release()` to load, as a lazy chunk does. */
function routerWithSlowPage() {
  let release = () => {};
  const loaded = new Promise<void>((r) => (release = r));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'overview', component: { render: () => null } },
      { path: '/import', name: 'import', component: () => loaded.then(() => ({ render: () => null })) },
    ],
  });
  trackPendingNavigation(router);
  return { router, release };
}

describe('a view filling in its URL late', () => {
  it('does not cancel the user’s click on another page that is still loading', async () => {
    const { router, release } = routerWithSlowPage();
    await router.push('/');
    const click = router.push('/import');
    await new Promise((r) => setTimeout(r, 0)); // the click's guards have run; its page is loading
    await replaceQueryWhileOn(router, 'overview', { period: '2022-12' });
    release();
    await click;
    expect(router.currentRoute.value.fullPath).toBe('/import');
  });

  it('fills in the query while the user stays on the view', async () => {
    const { router } = routerWithSlowPage();
    await router.push('/');
    await replaceQueryWhileOn(router, 'overview', { period: '2022-12' });
    expect(router.currentRoute.value.fullPath).toBe('/?period=2022-12');
  });

  it('leaves another page’s URL alone', async () => {
    const { router, release } = routerWithSlowPage();
    release();
    await router.push('/import');
    await replaceQueryWhileOn(router, 'overview', { period: '2022-12' });
    expect(router.currentRoute.value.fullPath).toBe('/import');
  });
});
