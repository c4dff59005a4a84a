// The process ServerProcess spawns: the app over FW_TEST_DATABASE_URL (already migrated) on a free port,
// workflow timers on or off. Prints "listening <port>" once it accepts connections.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, createPubSubPool } from "@formwork/db";
import { buildApp } from "../../src/app";

const url = process.env.FW_TEST_DATABASE_URL;
if (!url) throw new Error("FW_TEST_DATABASE_URL is required");
const { db } = await createDatabase({ url, poolSize: 10 });
// FW_TEST_PUBSUB=on: realtime events reach the other instances' sockets (the PostgreSQL adapter).
const pubsub =
  process.env.FW_TEST_PUBSUB === "on"
    ? { pool: createPubSubPool({ url }), channelPrefix: "formwork" }
    : undefined;
const app = await buildApp({
  ...(pubsub ? { pubsub } : {}),
  db,
  kind: "postgres",
  dataDir: await mkdtemp(join(tmpdir(), "formwork-child-")),
  config: {
    logLevel: false,
    workflowTimers: {
      enabled: process.env.FW_TEST_TIMERS === "on",
      pollMs: Number(process.env.FW_TEST_POLL_MS ?? 200),
    },
  },
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
