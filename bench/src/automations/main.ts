// `pnpm --filter @formwork/bench run bench:automations`: issue 7's "one 'create a record in another
// form' automation adds ≤ 30% to a submission's cost" on PostgreSQL, as a same-run ratio: plain
// submissions against submissions to a form whose automation creates a record in a second form (a
// formula-mapped field), alternating rounds on one server process. Cost ≤ 1.3× means throughput ≥ 0.77×.
//   BENCH_AUTOMATION_DATABASE_URL  database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench_automation)
//   BENCH_SECONDS  seconds per measured round (5)   BENCH_CONCURRENCY  connections (32)
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { backendsOfApplication, recreateDatabase } from "../server/postgres-run";
import { startScript } from "../server/processes";
import { submissionExtra, throughputTable } from "../server/report";
import { round } from "../server/stats";
import { compareSubmissions } from "../server/submissions";
import { benchFlowForm, expectStatus, flowWorld, json } from "../workflow/setup";

const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const url = env.BENCH_AUTOMATION_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_automation";
const concurrency = number("BENCH_CONCURRENCY", 32);
const durationMs = number("BENCH_SECONDS", 5) * 1000;
const emit = (markdown: string) => process.stdout.write(`${markdown}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

emit(
  `Automation benchmark, ${new Date().toISOString()}, ${availableParallelism()} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, PostgreSQL, load average (1/5/15 min) ${load()} at start.\n`,
);
await recreateDatabase(url);
const server = await startScript<{ port: number; pid: number }>(
  fileURLToPath(new URL("../server/our-server.ts", import.meta.url)),
  { BENCH_DATABASE_URL: url },
);
// The server's PostgreSQL backends, so the cost counts the database's work too.
const pool = new pg.Pool({ connectionString: url, max: 1 });
const backends = backendsOfApplication(pool, "formwork");
try {
  const { port, pid } = server.info;
  const world = await flowWorld(port);
  const plain = await benchFlowForm(world, "orders_plain");
  const automated = await benchFlowForm(world, "orders_automated");
  await benchFlowForm(world, "order_log");
  const saved = await json(world.admin, "POST", `/api/apps/${world.appId}/automations`, {
    definition: {
      id: "log_order",
      name: "Log each order",
      form: "orders_automated",
      trigger: { type: "recordCreated" },
      actions: [
        {
          type: "createRecord",
          form: "order_log",
          fields: {
            title: 'CONCATENATE("Order: ", title)',
            customer: "customer",
            qty: "qty",
            price: "price",
          },
        },
      ],
    },
    enabled: true,
  });
  expectStatus(saved, 201, "automation");
  const headers = { authorization: `Bearer ${world.admin.token}` };
  const [a, b] = await compareSubmissions(
    [
      { name: "plain submission", port, pid, path: `/api/forms/${plain}/records`, headers, backends },
      {
        name: "submission + automation creating a record in another form",
        port,
        pid,
        path: `/api/forms/${automated}/records`,
        headers,
        backends,
      },
    ],
    { concurrency, durationMs, warmupMs: 2000, rounds: 2 },
  );
  emit(
    `### Submissions with and without a "create a record" automation (${concurrency} connections, alternating rounds)\n`,
  );
  emit(throughputTable("submissions", a!, [{ ...b!, extra: submissionExtra(b!) }], 1 / 1.3));
  const cost = b!.serverCpuMs / a!.serverCpuMs;
  const database = (r: typeof a) => r!.databaseCpuMs ?? 0;
  const both = (b!.serverCpuMs + database(b)) / (a!.serverCpuMs + database(a));
  emit(
    `\nServer CPU per submission: ${round(a!.serverCpuMs, 2)} ms plain, ${round(b!.serverCpuMs, 2)} ms with the automation ` +
      `(**${round(cost, 2)}×**, target ≤ 1.3×); PostgreSQL's backends ${round(database(a), 2)} → ${round(database(b), 2)} ms; ` +
      `both ${round(both, 2)}×. Load average ${load()}.\n`,
  );
} finally {
  await server.stop();
  await pool.end();
}
