import { defineConfig } from "vitest/config";

// The definition schemas compile once per worker (hundreds of ms); the tests share no mutable state, so
// files run in one module context instead of recompiling per file.
export default defineConfig({ test: { isolate: false } });
