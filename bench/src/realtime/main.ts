// `cd bench && npx tsx src/realtime/main.ts`: issue 7's "1,000 connected clients watching one form
// receive a record-created event with p95 ≤ 200 ms". One server process over PostgreSQL (the product's
// buildApp, as for the submission benchmarks); BENCH_CLIENTS socket.io clients (WebSocket transport) in
// this process, spread over BENCH_USERS members: half see every record (one check for all of them), half
// through a row condition that compiles to a predicate of their own ("records I do not own"), so each
// event costs the server one scope and one SQL check per such user — the per-viewer permission check
// issue 7 asks for. Each event is timed from just before the HTTP create is sent to each client's receipt.
//   BENCH_REALTIME_DATABASE_URL  database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench_realtime)
//   BENCH_CLIENTS (1000)  BENCH_USERS (20)  BENCH_EVENTS (30)
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { benchData } from "../server/bench-form";
import { recreateDatabase } from "../server/postgres-run";
import { startScript } from "../server/processes";
import { publishBenchForms, type Session, signIn } from "../server/setup-client";
import { percentile, round } from "../server/stats";
import { expectStatus } from "../workflow/setup";

const env = process.env;
const count = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const url = env.BENCH_REALTIME_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_realtime";
const clients = count("BENCH_CLIENTS", 1000);
const users = count("BENCH_USERS", 20);
const events = count("BENCH_EVENTS", 30);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
const call = async (session: Session, method: "POST" | "GET", path: string, body?: unknown) =>
  session.call({ method, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

console.log(
  `Realtime benchmark, ${new Date().toISOString()}, Node ${process.version}, load ${load()} at start`,
);
await recreateDatabase(url);
const server = await startScript<{ port: number; pid: number }>(
  fileURLToPath(new URL("../server/our-server.ts", import.meta.url)),
  { BENCH_DATABASE_URL: url },
);
const sockets: Socket[] = [];
try {
  const { port } = server.info;
  const admin = await signIn(port);
  const { rt: formId } = await publishBenchForms(admin, ["rt"]);
  const members: { id: string; token: string }[] = [];
  for (let i = 0; i < users; i++) {
    const person = { email: `viewer${i}@example.com`, password: `viewer-password-${i}`, name: `Viewer ${i}` };
    const created = expectStatus(await call(admin, "POST", "/api/users", person), 201, "user");
    const session = await signIn(port, person);
    members.push({ id: (JSON.parse(created.body) as { id: string }).id, token: session.token });
  }
  const half = Math.ceil(users / 2);
  const set = async (body: Record<string, unknown>) =>
    expectStatus(await call(admin, "POST", `/api/forms/${formId}/permission-sets`, body), 201, "set");
  await set({
    name: "All records",
    kind: "view_all",
    members: members.slice(0, half).map((m) => ({ type: "user", id: m.id })),
  });
  await set({
    name: "Others' records",
    kind: "custom",
    actions: ["view"],
    rowCondition: { "!=": [{ var: "$ownerId" }, { var: "$user" }] },
    members: members.slice(half).map((m) => ({ type: "user", id: m.id })),
  });

  // Connect and watch, 50 at a time.
  /** Arrival times (performance.now()) of each record's created hint, over all clients. */
  const arrivals = new Map<string, number[]>();
  for (let start = 0; start < clients; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, clients - start) }, async (_, k) => {
        const member = members[(start + k) % users]!;
        const socket = io(`http://127.0.0.1:${port}`, {
          transports: ["websocket"],
          auth: { token: member.token },
          forceNew: true,
          reconnection: false,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const answer = (await socket.timeout(10_000).emitWithAck("watch-form", formId)) as { ok: boolean };
        if (!answer.ok) throw new Error(`watch refused: ${JSON.stringify(answer)}`);
        socket.on("record", (hint: { recordId: string; kind: string }) => {
          if (hint.kind !== "created") return;
          const at = performance.now();
          const list = arrivals.get(hint.recordId);
          if (list) list.push(at);
          else arrivals.set(hint.recordId, [at]);
        });
      }),
    );
  }
  console.log(`${sockets.length} clients connected and watching; load ${load()}`);

  const latencies: number[] = [];
  let missed = 0;
  for (let i = 0; i < events + 3; i++) {
    const t0 = performance.now();
    const response = await call(admin, "POST", `/api/forms/${formId}/records`, { data: benchData(i) });
    const id = (JSON.parse(expectStatus(response, 201, "create").body) as { id: string }).id;
    // A hint may arrive before the HTTP answer: arrivals are absolute times, taken against t0 here.
    const deadline = performance.now() + 10_000;
    while ((arrivals.get(id)?.length ?? 0) < clients && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    const got = arrivals.get(id) ?? [];
    if (i >= 3) {
      // The first three events warm the server's caches and are not counted.
      latencies.push(...got.map((at) => at - t0));
      missed += clients - got.length;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const p = (q: number) => round(percentile(latencies, q), 1);
  console.log(
    `\n| clients | users (half row-scoped) | events | receipts | missed | p50 ms | p95 ms | max ms | target | load |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n` +
      `| ${clients} | ${users} | ${events} | ${latencies.length} | ${missed} | ${p(50)} | ${p(95)} | ${p(100)} | p95 ≤ 200 ms: ${p(95) <= 200 && missed === 0 ? "met" : "**missed**"} | ${load()} |`,
  );
} finally {
  for (const socket of sockets) socket.close();
  await server.stop();
}
