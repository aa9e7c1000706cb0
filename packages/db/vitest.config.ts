import { defineConfig } from 'vitest/config';

// PGlite takes seconds to start, more when turbo runs packages side by side.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
