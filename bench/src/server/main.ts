// `pnpm --filter @formwork/bench run bench:server`: the runtime server benchmarks of issue 3, printed
// as markdown tables with same-run ratios, each as soon as it is measured. Sizes and durations come
// from the environment:
//   BENCH_DATABASE_URL   PostgreSQL database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench;
//                        "none" skips the PostgreSQL sections)
//   BENCH_SECONDS        seconds per submission round (10)      BENCH_CONCURRENCY  connections (32)
//   BENCH_BATCH_RECORDS  records per batch-create path (100000)
//   BENCH_GRID_ROWS      PostgreSQL grid table rows (1000000)   BENCH_PGLITE_GRID_ROWS  PGlite's (100000)
//   BENCH_GRID_PAGES     timed pages per grid path (100)
//   BENCH_DASHBOARD_ROUNDS  rounds of the dashboard section (30)
//   BENCH_SECTIONS       comma-separated subset of submissions,batch,grid,dashboard,dashboard-writes,pglite (all);
//                        `start` alone runs section 4 only (cold starts, memory, submissions on PGlite; part of pglite);
//                        `pglite-grid` alone runs section 2b only (PGlite's grid page; part of pglite)
import { availableParallelism, cpus, loadavg } from "node:os";
import { type PgliteSettings, runPglite, runPgliteGrid, runStartup } from "./pglite-run";
import { runPostgres } from "./postgres-run";
import type { SubmissionOptions } from "./submissions";

const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const url = env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench";
const submissions: SubmissionOptions = {
  concurrency: number("BENCH_CONCURRENCY", 32),
  durationMs: number("BENCH_SECONDS", 10) * 1000,
  warmupMs: 3000,
  rounds: 2,
};
const gridIterations = number("BENCH_GRID_PAGES", 100);
const sections = new Set(
  (env.BENCH_SECTIONS ?? "submissions,batch,grid,dashboard,dashboard-writes,pglite")
    .split(",")
    .map((s) => s.trim()),
);
const timeZone = "Asia/Shanghai";
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const emit = (markdown: string) => process.stdout.write(`${markdown}\n`);
const started = performance.now();
const load = () => (loadavg()[0] ?? 0).toFixed(1);

emit(
  `Server benchmarks, ${new Date().toISOString()}, ${availableParallelism()} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average ${load()} at start.\n`,
);
const pgliteSettings = (baselinePerSecond: number | undefined): PgliteSettings => ({
  coldStarts: 2,
  restarts: 2,
  idleSettleMs: 3000,
  submissions: { ...submissions, rounds: 1 },
  gridRows: number("BENCH_PGLITE_GRID_ROWS", 100_000),
  gridIterations,
  timeZone,
  ...(baselinePerSecond ? { baselinePerSecond } : {}),
  log,
  emit,
});
let baselinePerSecond: number | undefined;
if (
  url === "none" ||
  !["submissions", "batch", "grid", "dashboard", "dashboard-writes"].some((s) => sections.has(s))
)
  emit("PostgreSQL sections skipped (BENCH_DATABASE_URL=none or BENCH_SECTIONS).\n");
else {
  baselinePerSecond = await runPostgres({
    url,
    submissions,
    batchRecords: number("BENCH_BATCH_RECORDS", 100_000),
    gridRows: number("BENCH_GRID_ROWS", 1_000_000),
    gridIterations,
    dashboardRounds: number("BENCH_DASHBOARD_ROUNDS", 30),
    timeZone,
    sections,
    log,
    emit,
  });
}
if (sections.has("pglite")) await runPglite(pgliteSettings(baselinePerSecond));
else if (sections.has("start")) await runStartup(pgliteSettings(baselinePerSecond));
if (!sections.has("pglite") && sections.has("pglite-grid"))
  await runPgliteGrid(pgliteSettings(baselinePerSecond));
emit(`Finished in ${Math.round((performance.now() - started) / 1000)} s, load average ${load()} at the end.`);
