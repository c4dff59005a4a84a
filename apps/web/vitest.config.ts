import { defineConfig } from "vitest/config";

// Unit tests only; the browser tests under e2e/ run through e2e/run.mjs against a real server.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
