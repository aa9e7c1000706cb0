import type { LocationQueryRaw, RouteLocationNormalized, Router } from 'vue-router';

/** Where each router is going now, if a navigation has started and not yet ended. */
const pending = new WeakMap<Router, RouteLocationNormalized>();

/**
 * Records the navigation under way. Needed because a view's late `replace`
 * (filling in the latest month) started while the user's click on another
 * page is still loading that page would cancel the click: vue-router lets
 * the newest navigation win.
 */
export function trackPendingNavigation(router: Router): void {
  router.beforeEach((to) => {
    pending.set(router, to);
    return true;
  });
  router.afterEach((to) => {
    if (pending.get(router) === to) pending.delete(router);
  });
  router.onError(() => pending.delete(router));
}

/**
 * Replaces the query of the view named `own`, only while the user is on it and
 * not on the way elsewhere; a query-only location would otherwise resolve
 * against (and add the overview's query to) whatever page is shown next.
 */
export function replaceQueryWhileOn(router: Router, own: unknown, query: LocationQueryRaw): Promise<unknown> {
  const going = pending.get(router);
  if (router.currentRoute.value.name !== own || (going !== undefined && going.name !== own)) return Promise.resolve();
  return router.replace({ query });
}
