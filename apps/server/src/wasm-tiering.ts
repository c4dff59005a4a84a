// Imported first by main.ts, before PGlite compiles its WASM (at `PGlite.create`, not at import).
//
// V8 compiles WASM functions with its baseline compiler (Liftoff) and re-compiles the hot ones with its
// optimizing compiler (TurboFan) in the background. For PGlite's 9 MB Postgres that second compile, and
// the optimized code it keeps, cost 50–90 MB of RSS that never came back, and its CPU competes with
// requests on a small machine. Measured on the 2-core benchmark machine under load (docs/benchmarks.md,
// section 4, both configurations alternated): idle RSS 235–279 → 171–181 MB, RSS under the submission
// load 286–326 → 228–237 MB, submissions 23–24/s → 30–40/s; a PGlite-only mix of INSERTs and indexed
// SELECTs used the same CPU per operation, and only a scan-heavy analytic query mix (100k-row
// aggregates and sorts) used ~20% more CPU. Production runs on PostgreSQL, where no WASM runs at all.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--no-wasm-tier-up");
setFlagsFromString("--no-wasm-dynamic-tiering");
