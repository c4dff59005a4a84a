// Child process: the product's Fastify app (buildApp) over PostgreSQL (BENCH_DATABASE_URL) or an
// in-memory PGlite, with one administrator, listening on a free loopback port. Request logging is off,
// as it is for the baseline, so both spend their time on the same work.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, migrateToLatest } from "@formwork/db";
import { buildApp, createUser, hasAdmin } from "@formwork/server";
import { announceReady } from "./processes";
import { BENCH_ADMIN } from "./setup-client";

const url = process.env.BENCH_DATABASE_URL;
const database = await createDatabase(url ? { url } : {});
await migrateToLatest(database.db);
// A second server over the same database (the grid run after the submission run) reuses the admin.
if (!(await hasAdmin(database.db))) await createUser(database.db, { ...BENCH_ADMIN, isAdmin: true });
const dataDir = await mkdtemp(join(tmpdir(), "formwork-bench-"));
const app = await buildApp({
  db: database.db,
  kind: database.kind,
  dataDir,
  // Benchmarks measure the server, not the per-token rate limit (which would refuse the load).
  // BENCH_SERVER_CONFIG: JSON merged over it, to compare settings side by side (e.g. timer batches).
  config: {
    logLevel: "warn",
    rateLimits: { enabled: false },
    ...(process.env.BENCH_SERVER_CONFIG ? JSON.parse(process.env.BENCH_SERVER_CONFIG) : {}),
  },
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.once("SIGTERM", () => {
  void app
    .close()
    .then(() => database.close())
    .then(() => rm(dataDir, { recursive: true, force: true }))
    .finally(() => process.exit(0));
});
announceReady({ port, pid: process.pid, kind: database.kind });
