import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// In development the dashboard talks to `pnpm lagesbild serve` on port 3000.
export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
  build: { outDir: 'dist', target: 'es2022', sourcemap: false },
});
