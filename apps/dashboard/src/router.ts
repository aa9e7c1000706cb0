import { createRouter, createWebHistory } from 'vue-router';

// Views are loaded per route so the first load stays small.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});
