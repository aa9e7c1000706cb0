import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Libraries that every page needs; cached apart from the app code, which changes more often. */
const FRAMEWORK = /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/;
const TRPC = /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?@trpc[\\/]/;
const ECHARTS = /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(echarts|zrender|vue-echarts)[\\/]/;

// In development the dashboard talks to `pnpm lagesbild serve` on port 3000 (same origin through the proxy).
export default defineConfig({
  plugins: [
    vue({
      // Composition API only: drops the Options API from the Vue bundle.
      features: { optionsAPI: false, prodDevtools: false },
    }),
  ],
  define: {
    // vue-i18n: Composition API only, no global <i18n-t> components, no devtools in production.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Route views are split by their dynamic imports (router.ts); these groups keep the
        // libraries in stable, separately cached chunks. ECharts gets its own chunk so it is
        // only fetched by a view that draws a chart.
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK, priority: 3 },
            { name: 'trpc', test: TRPC, priority: 2 },
            { name: 'echarts', test: ECHARTS, priority: 1, entriesAware: true },
          ],
        },
      },
    },
  },
});
