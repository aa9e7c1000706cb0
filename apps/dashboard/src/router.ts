import { createRouter, createWebHistory } from 'vue-router';
import type { Me } from './api/session.js';
import { trackPendingNavigation } from './lib/late-replace.js';
import { rememberUnit } from './lib/last-unit.js';
import { useSessionStore } from './stores/session.js';

/**
 * History-mode routes; the server answers every path with index.html. Views
 * load per route, so the first load is only the app shell.
 *   /                   the overview: ?enhet=SOC&period=2022-T1 (month 2022-04, tertial 2022-T1, delår 2022-D, year 2022)
 *   /kpi/:kpi           one KPI: ?enhet=&period=&grain=month|tertial|year&split=none|gender|unit
 *   /kpi/:kpi/enheter   the KPI for the child units: ?enhet=&period=&kon=T|K|M&sort=
 *   /mal                the goals and their målbedömning: ?enhet=SOC&period=2020-D (T1–T3, delår, helår)
 *   /rapport            the nämnd's tertial- or delårsrapport: ?enhet=SOC&period=2020-D&version=2 (none: live data)
 *   /logga-in           login (?next= where to go afterwards); /admin/anvandare, /admin/logg, /admin/tavlor,
 *                       /admin/import and /admin/import/kopplingar (the report rows' mappings) for admins
 */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'overview', component: () => import('./overview/OverviewView.vue') },
    {
      path: '/kpi/:kpi',
      name: 'kpi',
      // The chart's code (ECharts) starts loading with the view, beside it: the view asks for its data without waiting for it.
      component: () => {
        void import('./kpi-detail/KpiChart.vue');
        return import('./kpi-detail/KpiDetailView.vue');
      },
    },
    { path: '/kpi/:kpi/enheter', name: 'drilldown', component: () => import('./drilldown/DrilldownView.vue') },
    { path: '/mal', name: 'goals', component: () => import('./goals/GoalsView.vue') },
    { path: '/ekonomi', name: 'economy', component: () => import('./economy/EconomyView.vue') },
    { path: '/rapport', name: 'report', component: () => import('./report/ReportView.vue') },
    { path: '/skarm/:token', name: 'wall', component: () => import('./wall/WallView.vue') },
    { path: '/logga-in', name: 'login', component: () => import('./login/LoginView.vue'), meta: { public: true } },
    { path: '/admin/anvandare', name: 'admin-users', component: () => import('./admin/AdminUsersView.vue'), meta: { admin: true } },
    { path: '/admin/logg', name: 'admin-audit', component: () => import('./admin/AdminAuditView.vue'), meta: { admin: true } },
    { path: '/admin/import', name: 'admin-import', component: () => import('./import/AdminImportView.vue'), meta: { admin: true } },
    { path: '/admin/import/kopplingar', name: 'admin-import-mappings', component: () => import('./import/AdminImportMappingsView.vue'), meta: { admin: true } },
    { path: '/admin/import/kolada', name: 'admin-kolada', component: () => import('./import/AdminKoladaView.vue'), meta: { admin: true } },
    { path: '/admin/tavlor', name: 'admin-boards', component: () => import('./boards/AdminBoardsView.vue'), meta: { admin: true } },
    { path: '/:pathMatch(.*)*', redirect: (to) => ({ path: '/', query: to.query }) },
  ],
  // Back and forward restore the scroll position; another view starts at the top, while a
  // changed grain or split on the same view leaves the reader where they are.
  scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
});

// First, so a view's late URL completion can see the user's click under way (lib/late-replace.ts).
trackPendingNavigation(router);

// Every view but login and the wall screen (which has its device token) needs a signed-in user.
router.beforeEach(async (to) => {
  if (to.meta.public || to.name === 'wall') return true;
  let me: Me;
  try {
    me = await useSessionStore().current();
  } catch {
    return true; // The server does not answer: the view shows its offline state and retries.
  }
  if (me === null) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.admin && !me.roles.includes('admin')) return { path: '/' };
  return true;
});

// The unit last looked at is remembered, so "/" opens on it next time (a unit manager's own unit).
router.afterEach((to) => rememberUnit(to.query.enhet));
