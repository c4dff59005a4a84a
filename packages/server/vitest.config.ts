import { defineConfig } from "vitest/config";

// Each test file starts a fresh migrated database (PGlite in-process, and PostgreSQL when
// TEST_DATABASE_URL is set); on a busy 2-core machine that can take several seconds.
export default defineConfig({
  test: {
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
