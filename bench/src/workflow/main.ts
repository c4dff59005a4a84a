// `pnpm --filter @formwork/bench run bench:workflow`: issue 5's speed targets on PostgreSQL, same-run
// ratios, printed as markdown.
//   BENCH_FLOW_DATABASE_URL  database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench_flow)
//   BENCH_SECONDS            seconds per measured round (5)   BENCH_CONCURRENCY  connections (32)
//   BENCH_FLOW_TASKS         pending approvals seeded for the approve runs (60000: an idle 2-core box
//                            approves ~3,000/s over HTTP, 2 × 5 s + warm-up of each path took more than 20,000)
//   BENCH_TIMERS             timers in the lag run (10000)
//   BENCH_TIMER_LEAD_MS      how far ahead the timers are moved to fall due (3000; below the pollers'
//                            1 s interval it shows how late they wake to timers written meanwhile)
//   BENCH_SECTIONS           comma-separated subset of approve,submit,timers (all)
//   BENCH_TIMER_KINDS        comma-separated subset of remind,approve: the deadline actions timed (both)
//   BENCH_TIMER_ANALYZE      0: no ANALYZE between seeding the timers and making them due (analyzed)
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { backendsOfApplication, recreateDatabase } from "../server/postgres-run";
import { startScript } from "../server/processes";
import { submissionExtra, throughputTable } from "../server/report";
import { ratio, round, summarize } from "../server/stats";
import { compareSubmissions } from "../server/submissions";
import { compareApprovals, pendingTasks } from "./approvals";
import { captureApproval } from "./raw-replay";
import { approvalFlow, benchFlowForm, flowWorld, seedInstances } from "./setup";
import { analyzeDatabase, measureTimerLag } from "./timer-lag";

const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const url = env.BENCH_FLOW_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_flow";
const concurrency = number("BENCH_CONCURRENCY", 32);
const durationMs = number("BENCH_SECONDS", 5) * 1000;
const sections = new Set((env.BENCH_SECTIONS ?? "approve,submit,timers").split(",").map((s) => s.trim()));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const emit = (markdown: string) => process.stdout.write(`${markdown}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
const started = performance.now();
/** The server process's PostgreSQL pool (createDatabase's default): the raw replay gets as many connections. */
const SERVER_POOL = 10;

emit(
  `Workflow benchmarks, ${new Date().toISOString()}, ${availableParallelism()} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, PostgreSQL, load average (1/5/15 min) ${load()} at start.\n`,
);
await recreateDatabase(url);
const pool = new pg.Pool({ connectionString: url, max: 1 });
const backends = backendsOfApplication(pool, "formwork");
const server = await startScript<{ port: number; pid: number }>(
  fileURLToPath(new URL("../server/our-server.ts", import.meta.url)),
  { BENCH_DATABASE_URL: url },
);
try {
  const { port, pid } = server.info;
  const world = await flowWorld(port);

  if (sections.has("approve")) {
    const formId = await benchFlowForm(world, "flow_approve", approvalFlow(world.approverId));
    await seedInstances(world, formId, number("BENCH_FLOW_TASKS", 60_000), log);
    const [warmup, sample, ...tasks] = await pendingTasks(url, world.approverId, formId);
    if (!warmup || !sample) throw new Error("no pending task was seeded");
    const statements = await captureApproval(url, world.approver.token, warmup, sample);
    log(`captured the approval: ${statements.length} statements`);
    for (const s of statements)
      log(`  ${s.name ? "[prepared] " : ""}${s.text.replace(/\s+/g, " ").slice(0, 110)}`);
    const result = await compareApprovals({
      url,
      port,
      token: world.approver.token,
      statements,
      sample,
      tasks,
      concurrency,
      rawConnections: SERVER_POOL,
      durationMs,
      warmupMs: 2000,
      rounds: 2,
    });
    const rate = (runs: typeof result.http) =>
      runs.reduce((n, r) => n + r.requests - r.errors, 0) /
      (runs.reduce((n, r) => n + r.elapsedMs, 0) / 1000);
    const http = rate(result.http);
    const raw = rate(result.raw);
    const latency = (runs: typeof result.http) => summarize(runs.flatMap((r) => r.latenciesMs));
    const errors = (runs: typeof result.http) => runs.reduce((n, r) => n + r.errors, 0);
    emit(
      [
        `### Approve transitions (${concurrency} connections, ${durationMs / 1000} s × 2 rounds each, alternating)\n`,
        "| path | approvals/s | p50 ms | p95 ms | errors |",
        "|---|---:|---:|---:|---:|",
        `| HTTP \`POST /api/tasks/:task/actions\` (server process) | ${Math.round(http)} | ${round(latency(result.http).p50, 1)} | ${round(latency(result.http).p95, 1)} | ${errors(result.http)} |`,
        `| raw replay of the same ${statements.length} statements over pg (${SERVER_POOL} connections, the server's pool) | ${Math.round(raw)} | ${round(latency(result.raw).p50, 1)} | ${round(latency(result.raw).p95, 1)} | ${errors(result.raw)} |`,
        "",
        `HTTP / raw: **${round(ratio(http, raw))}×** (target ≥ 0.5×); HTTP approvals/s target ≥ 1,000. Load average ${load()}.\n`,
      ].join("\n"),
    );
    if (result.http[0]?.firstError) log(`first HTTP error: ${result.http[0].firstError}`);
    if (result.raw[0]?.firstError) log(`first raw error: ${result.raw[0].firstError}`);
  }

  if (sections.has("submit")) {
    const plain = await benchFlowForm(world, "flow_plain");
    const flowing = await benchFlowForm(world, "flow_submit", approvalFlow(world.approverId));
    const headers = { authorization: `Bearer ${world.admin.token}` };
    const [a, b] = await compareSubmissions(
      [
        { name: "plain submission", port, pid, path: `/api/forms/${plain}/records`, headers, backends },
        {
          name: "submission starting a flow",
          port,
          pid,
          path: `/api/forms/${flowing}/records`,
          headers,
          backends,
        },
      ],
      { concurrency, durationMs, warmupMs: 2000, rounds: 2 },
    );
    emit(`### Submissions with and without a flow (${concurrency} connections, alternating rounds)\n`);
    emit(throughputTable("submissions", a!, [{ ...b!, extra: submissionExtra(b!) }], 0.45));
    emit(`\nThe plain submission's ${submissionExtra(a!).replace(/^.*CPU per record/, "CPU per record")}.`);
    emit(`\nLoad average ${load()}.\n`);
  }

  if (sections.has("timers")) {
    const count = number("BENCH_TIMERS", 10_000);
    const kinds = (env.BENCH_TIMER_KINDS ?? "remind,approve").split(",").map((k) => k.trim());
    for (const kind of (["remind", "approve"] as const).filter((k) => kinds.includes(k))) {
      const formId = await benchFlowForm(
        world,
        `flow_timers_${kind}`,
        // biome-ignore lint/suspicious/noThenProperty: the flow schema's deadline action, not a thenable.
        approvalFlow(world.approverId, { after: "PT1H", then: kind }),
      );
      await seedInstances(world, formId, count, log);
      // The seeding wrote 10,000 instances with their node runs, tasks, timers and records within seconds,
      // and the timers fall due 3 s later: autovacuum (a minute between looks) has not analyzed any of it,
      // so the planner still takes the tables for the handful of rows it saw at creation and the batch
      // writes' updates scan whole tables. A backlog that falls due in production was written earlier and
      // analyzed since; BENCH_TIMER_ANALYZE=0 leaves it out (as every run before 2026-11-28 05:00 did).
      if (env.BENCH_TIMER_ANALYZE !== "0") await analyzeDatabase(url);
      const lead = number("BENCH_TIMER_LEAD_MS", 3000);
      const lag = await measureTimerLag(url, formId, lead);
      emit(
        [
          `### Timer firing lag: ${lag.timers} \`${kind}\` deadlines due at one instant ${lead} ms after they were moved (one server process)\n`,
          "| timers | first lag ms | p50 lag ms | p95 lag ms | max lag ms | fired/s | each fired once | record updates (HOT) |",
          "|---:|---:|---:|---:|---:|---:|---|---:|",
          `| ${lag.timers} | ${Math.round(lag.minMs)} | ${Math.round(lag.p50Ms)} | ${Math.round(lag.p95Ms)} | ${Math.round(lag.maxMs)} | ${Math.round(lag.perSecond)} | ${lag.firedOnce ? "yes" : "**no**"} | ${lag.recordUpdates ? `${lag.recordUpdates.updated} (${lag.recordUpdates.hot})` : "not reported"} |`,
          "",
          `Target: p95 ≤ 2,000 ms. Load average ${load()}.\n`,
        ].join("\n"),
      );
    }
  }
} finally {
  await server.stop();
  await pool.end();
}
emit(`Finished in ${Math.round((performance.now() - started) / 1000)} s, load average ${load()} at the end.`);
