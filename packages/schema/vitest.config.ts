import { defineConfig } from "vitest/config";

// The definition schemas compile once per worker; the tests share no mutable state, so files run in one
// module context instead of recompiling per file. The timeout is for a loaded 2-core CI box, where the
// first test of a file can wait seconds for a core: speed is measured in bench/, not by test timeouts.
export default defineConfig({ test: { isolate: false, testTimeout: 60_000 } });
