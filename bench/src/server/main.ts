// `pnpm --filter @formwork/bench run bench:server`: the runtime server benchmarks of issue 3, printed
// as markdown tables with same-run ratios. Sizes and durations come from the environment (defaults
// keep the whole run near ten minutes on a 2-core machine):
//   BENCH_DATABASE_URL   PostgreSQL database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench;
//                        "none" skips the PostgreSQL half)
//   BENCH_SECONDS        seconds per submission round (10)      BENCH_CONCURRENCY  connections (32)
//   BENCH_BATCH_RECORDS  records per batch-create path (100000)
//   BENCH_GRID_ROWS      PostgreSQL grid table rows (1000000)   BENCH_PGLITE_GRID_ROWS  PGlite's (100000)
//   BENCH_GRID_PAGES     timed pages per grid path (200)
import { availableParallelism, cpus, loadavg } from "node:os";
import { runPglite } from "./pglite-run";
import { type PostgresResults, runPostgres } from "./postgres-run";
import { batchExtra, gridTable, startupTable, submissionExtra, throughputTable } from "./report";
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
const gridIterations = number("BENCH_GRID_PAGES", 200);
const timeZone = "Asia/Shanghai";
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;

let postgres: PostgresResults | undefined;
if (url !== "none") {
  postgres = await runPostgres({
    url,
    submissions,
    batchRecords: number("BENCH_BATCH_RECORDS", 100_000),
    gridRows: number("BENCH_GRID_ROWS", 1_000_000),
    gridIterations,
    timeZone,
    log,
  });
}
const pglite = await runPglite({
  coldStarts: 2,
  idleSettleMs: 3000,
  submissions: { ...submissions, rounds: 1 },
  gridRows: number("BENCH_PGLITE_GRID_ROWS", 100_000),
  gridIterations,
  timeZone,
  log,
});

const out: string[] = [];
const cpu = cpus()[0]?.model ?? "unknown CPU";
out.push(
  `Run ${new Date().toISOString()} on ${availableParallelism()} × ${cpu}, Node ${process.version}; ` +
    `load average ${loadBefore.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end; ` +
    `${Math.round((performance.now() - started) / 1000)} s in all.`,
  "",
);
if (postgres) {
  const [baseline, ...ours] = postgres.submissions;
  if (baseline) {
    out.push(
      `### 1. Submissions over HTTP (PostgreSQL; ${submissions.concurrency} connections, ` +
        `${submissions.rounds} × ${submissions.durationMs / 1000} s each, alternating)`,
      "",
      throughputTable(
        "records",
        baseline,
        [...ours, pglite.submissions].map((o) => ({ ...o, extra: submissionExtra(o) })),
        0.6,
      ),
      "",
      `Baseline: ${submissionExtra(baseline)}. The PGlite row is the \`formwork start\` server of section 4 ` +
        `(${submissions.durationMs / 1000} s), compared with the same PostgreSQL baseline for scale only.`,
      "",
    );
  }
  const gridRows = number("BENCH_GRID_ROWS", 1_000_000);
  out.push(
    `### 2. Grid page over ${gridRows.toLocaleString("en")} records (PostgreSQL; ${gridIterations} pages per path)`,
    "",
    gridTable(postgres.grid),
    "",
  );
  const [raw, ...batch] = postgres.batch;
  if (raw) {
    out.push(
      "### 3. Batch create in batches of 1,000 (PostgreSQL)",
      "",
      throughputTable(
        "records",
        raw,
        batch.map((b) => ({ ...b, extra: batchExtra(b) })),
        0.5,
      ),
      "",
    );
  }
} else {
  out.push("### PostgreSQL: skipped (BENCH_DATABASE_URL=none)", "");
  out.push(
    `PGlite submissions: ${Math.round(pglite.submissions.perSecond)}/s, ${submissionExtra(pglite.submissions)}`,
    "",
  );
}
out.push(
  `### 2b. Grid page over ${number("BENCH_PGLITE_GRID_ROWS", 100_000).toLocaleString("en")} records (PGlite, in-process)`,
  "",
  gridTable(pglite.grid),
  "",
  "### 4. `formwork start` on PGlite: cold start and memory",
  "",
  startupTable(pglite.startup),
  "",
);
process.stdout.write(`${out.join("\n")}\n`);
