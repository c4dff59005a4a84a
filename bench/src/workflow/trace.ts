// `npx tsx src/workflow/trace.ts`: prints every statement the server sends for one plain submission,
// one submission that starts a flow and one approval (after a warm-up of each), to count round trips.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, migrateToLatest } from "@formwork/db";
import { buildApp, createUser } from "@formwork/server";
import pg from "pg";
import { benchData } from "../server/bench-form";
import { recreateDatabase } from "../server/postgres-run";
import { BENCH_ADMIN } from "../server/setup-client";
import { pendingTasks } from "./approvals";
import { approvalFlow, benchFlowForm, flowWorld } from "./setup";

const url = process.env.BENCH_FLOW_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_trace";
await recreateDatabase(url);
const database = await createDatabase({ url });
await migrateToLatest(database.db);
await createUser(database.db, { ...BENCH_ADMIN, isAdmin: true });
const app = await buildApp({
  db: database.db,
  kind: database.kind,
  dataDir: await mkdtemp(join(tmpdir(), "formwork-trace-")),
  config: { logLevel: "warn", rateLimits: { enabled: false }, workflowTimers: { enabled: false } },
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
const world = await flowWorld(port);
const plain = await benchFlowForm(world, "trace_plain");
const flowing = await benchFlowForm(world, "trace_flow", approvalFlow(world.approverId));

let seen: string[] | null = null;
const original = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: a recording wrapper around the driver's overloaded query().
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : first?.text;
  if (seen && typeof text === "string")
    seen.push(`${first?.name ? "[prepared] " : ""}${text.replace(/\s+/g, " ").slice(0, 140)}`);
  return (original as (...a: unknown[]) => unknown).apply(this, args);
};
const call = async (
  what: string,
  method: "POST",
  path: string,
  body: (round: number) => unknown,
  session = world.admin,
) => {
  for (const round of [0, 1]) {
    seen = round === 1 ? [] : null;
    const response = await session.call({ method, path, body: JSON.stringify(body(round)) });
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${response.body}`);
    if (seen) {
      console.log(`\n## ${what}: ${seen.length} statements`);
      for (const s of seen) console.log(`  ${s}`);
    }
    seen = null;
  }
};
const submit = (round: number) => ({ data: benchData(round) });
await call("plain submission", "POST", `/api/forms/${plain}/records`, submit);
await call("submission starting a flow", "POST", `/api/forms/${flowing}/records`, submit);
const tasks = await pendingTasks(url, world.approverId, flowing);
for (const [i, task] of tasks.slice(0, 2).entries()) {
  seen = i === 1 ? [] : null;
  const response = await world.approver.call({
    method: "POST",
    path: `/api/tasks/${encodeURIComponent(task.taskId)}/actions`,
    body: JSON.stringify({ action: "approve" }),
  });
  if (response.status !== 200) throw new Error(`approve: ${response.status} ${response.body}`);
  if (seen) {
    console.log(`\n## approval: ${seen.length} statements`);
    for (const s of seen) console.log(`  ${s}`);
  }
}
await app.close();
await database.close();
process.exit(0);
