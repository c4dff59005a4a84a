import { defineConfig } from "vitest/config";

// Run through e2e/run.mjs, which starts the server and passes its address in FORMWORK_E2E_URL.
// Files run one after another: they share one server and the machine has few cores.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    // Whole user journeys on a shared, loaded machine: minutes, not seconds.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
