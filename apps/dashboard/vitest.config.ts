import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Unit and component tests only; the browser tests live in apps/e2e.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.e2e.test.ts'],
    environment: 'node',
    // The chart palette's test reads base.css as text (?raw), which needs its CSS processed.
    css: { include: [/styles\/base\.css/] },
  },
});
