import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The CRM journey moves the server's clock forward a month (its test seam, which never goes back): it
 * runs after every other file so that none of them meets a server living in the future.
 */
class ClockMoversLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const moves = (file: TestSpecification) => file.moduleId.endsWith("crm-journey.e2e.ts");
    return [...sorted.filter((f) => !moves(f)), ...sorted.filter(moves)];
  }
}

// Run through e2e/run.mjs, which starts the server and passes its address in FORMWORK_E2E_URL.
// Files run one after another: they share one server and the machine has few cores.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    sequence: { sequencer: ClockMoversLast },
    // Whole user journeys on a shared, loaded machine: minutes, not seconds.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
