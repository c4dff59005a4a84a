import { defineConfig } from "vitest/config";

// The bootstrap tests start PGlite, which takes seconds on a busy machine.
export default defineConfig({ test: { hookTimeout: 120_000, testTimeout: 60_000 } });
