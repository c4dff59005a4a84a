import { defineConfig } from "vitest/config";

// Database tests start a WASM PostgreSQL (PGlite) per file; on a busy machine that takes seconds.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
