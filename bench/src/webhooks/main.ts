// Webhook deliveries per second (issue 7, "Speed"): N signed deliveries queued in the outbox, sent by the
// server's dispatcher (claim with SKIP LOCKED, SSRF-guarded keep-alive client, HMAC signature, one attempt
// row and one status update per delivery) to a receiver on loopback (allowlisted), against the same
// number of bare keep-alive POSTs of the same bodies to the same receiver with the same concurrency (no
// database, no guard, no signing) in the same run. Rounds alternate. Every database of testDatabases():
// PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
//   cd bench && TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx src/webhooks/main.ts
// BENCH_DELIVERIES (2000 per round), BENCH_ROUNDS (2), BENCH_BATCH (50 claimed per round trip).
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueOutboxMany, newId } from "@formwork/db";
import { testDatabases } from "@formwork/db/testing";
import { buildApp } from "@formwork/server";

const deliveries = Number(process.env.BENCH_DELIVERIES ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const batch = Number(process.env.BENCH_BATCH ?? 50);
const workers = 2;

async function startReceiver() {
  let count = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      count++;
      response.end("ok");
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function body(i: number): Record<string, unknown> {
  return {
    event: "record.created",
    occurredAt: new Date().toISOString(),
    app: { id: newId() },
    form: { id: newId(), key: "bench" },
    record: { id: newId(), version: 1, data: { title: `Record ${i}`, amount: i, note: "x".repeat(200) } },
  };
}

/** The same number of POSTs with `batch × workers` in flight, over a plain keep-alive agent. */
async function bare(url: string, n: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const payload = JSON.stringify(body(i));
      await new Promise<void>((resolve, reject) => {
        const request = http.request(
          url,
          { method: "POST", agent, headers: { "content-type": "application/json" } },
          (response) => {
            response.resume();
            response.on("end", resolve);
          },
        );
        request.on("error", reject);
        request.end(payload);
      });
    }
  };
  await Promise.all(Array.from({ length: batch * workers }, lane));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return n / seconds;
}

async function main() {
  console.log(
    `deliveries per round ${deliveries}, rounds ${rounds}, batch ${batch}, dispatch loops ${workers}`,
  );
  for (const database of testDatabases()) {
    const { db, close } = await database.create();
    const dataDir = await mkdtemp(join(tmpdir(), "formwork-bench-webhooks-"));
    const receiver = await startReceiver();
    const app = await buildApp({
      db,
      kind: database.name,
      dataDir,
      config: {
        logLevel: false,
        webhooks: { allowlist: ["127.0.0.1"] },
        // A failed attempt (a reset connection at high load) waits 10 min: no retry inside a round.
        outbox: { enabled: false, batchSize: batch, backoffBaseMs: 600_000 },
      },
    });
    await app.ready();
    const appId = newId();
    await db.insertInto("apps").values({ id: appId, name: "bench" }).execute();
    const webhookId = newId();
    await db
      .insertInto("webhooks")
      .values({
        id: webhookId,
        app_id: appId,
        name: "bench",
        url: receiver.url,
        secret: "whsec_bench",
        events: [],
      })
      .execute();
    const results: { outbox: number; bare: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const messages = Array.from({ length: deliveries }, (_, i) => ({
        kind: "webhook" as const,
        target: receiver.url,
        payload: body(i),
        idempotencyKey: `bench:${round}:${i}`,
        event: "record.created",
        appId,
        webhookId,
      }));
      for (let i = 0; i < messages.length; i += 500) await enqueueOutboxMany(db, messages.slice(i, i + 500));
      const before = receiver.received();
      const start = performance.now();
      await Promise.all(Array.from({ length: workers }, () => app.outbox.dispatcher.drain()));
      const outboxRate = deliveries / ((performance.now() - start) / 1000);
      const sent = receiver.received() - before;
      const { n } = await db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "delivered")
        .where("idempotency_key", "like", `bench:${round}:%`)
        .executeTakeFirstOrThrow();
      if (sent !== deliveries || Number(n) !== deliveries) {
        console.log(
          await db
            .selectFrom("outbox_attempts")
            .select(["error", "status_code", "attempt"])
            .where("error", "is not", null)
            .limit(5)
            .execute(),
        );
        throw new Error(`round ${round}: received ${sent}, delivered ${n}, expected ${deliveries}`);
      }
      const bareRate = await bare(receiver.url, deliveries);
      results.push({ outbox: outboxRate, bare: bareRate });
      console.log(
        `${database.name} round ${round + 1}: outbox ${outboxRate.toFixed(0)}/s, bare POSTs ${bareRate.toFixed(0)}/s, ratio ${(outboxRate / bareRate).toFixed(2)}`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const o = mean(results.map((r) => r.outbox));
    const b = mean(results.map((r) => r.bare));
    console.log(
      `${database.name}: ${o.toFixed(0)} deliveries/s through the outbox, ${b.toFixed(0)}/s bare, ${(o / b).toFixed(2)}x`,
    );
    await app.close();
    await receiver.close();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
