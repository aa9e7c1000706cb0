import { createRouter, createWebHistory } from 'vue-router';

/**
 * History-mode routes; the server answers every path with index.html. Views
 * load per route, so the first load is only the app shell.
 *   /  the overview: ?enhet=SOC&period=2022-T1 (month 2022-04, tertial 2022-T1, delår 2022-D, year 2022)
 */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue') },
    { path: '/:pathMatch(.*)*', redirect: (to) => ({ path: '/', query: to.query }) },
  ],
});
