// PostgreSQL crashing under load and coming back: while it is down every request answers 503
// SERVICE_UNAVAILABLE (never 500), the app recovers by itself, and every acknowledged write survives.
// The crash is a real one (`pg_ctl stop -m immediate`) of a private cluster, never the shared server.
import { createDatabase, migrateToLatest } from "@formwork/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { publishedForm } from "../fixtures";
import { startTestApp, type TestApp } from "../harness";
import { type CreateOutcome, startCreateLoad } from "./create-load";
import { PrivatePostgres, privatePostgresMissing } from "./private-postgres";
import { collectUncaughtErrors } from "./uncaught-errors";
import { sleep, until } from "./wait";

/** What the database holds for the form, read over a connection of its own (not the app's pool). */
async function storedRecords(url: string, formId: string) {
  const { db, close } = await createDatabase({ url, poolSize: 1 });
  try {
    const form = await db
      .selectFrom("forms")
      .select("table_name")
      .where("id", "=", formId)
      .executeTakeFirstOrThrow();
    const table = sql.table(form.table_name!);
    const rows = await sql<{ id: string; title: string }>`select id, f_title as title from ${table}`.execute(
      db,
    );
    const withoutRevision = await sql<{ id: string }>`
      select r.id from ${table} r
      where not exists (select 1 from revisions v where v.record_id = r.id and v.action = 'create')`.execute(
      db,
    );
    return { rows: rows.rows, withoutRevision: withoutRevision.rows.map((r) => r.id) };
  } finally {
    await close();
  }
}

interface Scenario {
  outcomes: CreateOutcome[];
  /** Health and a records page asked for while the database was down. */
  readsWhileDown: { status: number; code: string | undefined }[];
  downSince: number;
  downUntil: number;
  healthyAt: number;
  uncaught: unknown[];
  stored: Awaited<ReturnType<typeof storedRecords>>;
}

/** Creates under load, a crash, a second of downtime, a restart, and load until writes succeed again. */
async function crashUnderLoad(app: TestApp, cluster: PrivatePostgres, formId: string): Promise<Scenario> {
  const load = startCreateLoad(app.admin, formId);
  const loadStartedAt = Date.now();
  await until("load to get going", () => load.acknowledgedSince(loadStartedAt) >= 20, 15_000);

  const uncaught = collectUncaughtErrors();
  try {
    await cluster.crash();
    const downSince = Date.now();
    await sleep(1_000);
    const reads = [
      await app.anonymous.request("GET", "/api/health"),
      await app.admin.request("GET", `/api/forms/${formId}/records?limit=10`),
    ];
    const downUntil = Date.now();
    await cluster.startServer();

    // Same app, same pool: nothing is rebuilt or reconnected by hand.
    await until(
      "health to come back",
      async () => (await app.anonymous.request("GET", "/api/health")).statusCode === 200,
      20_000,
    );
    const healthyAt = Date.now();
    await until("writes to succeed again", () => load.acknowledgedSince(healthyAt) >= 20, 15_000);
    const outcomes = await load.stop();
    return {
      outcomes,
      readsWhileDown: reads.map((r) => ({ status: r.statusCode, code: r.json().error?.code })),
      downSince,
      downUntil,
      healthyAt,
      uncaught: uncaught.errors,
      stored: await storedRecords(cluster.url, formId),
    };
  } finally {
    await load.stop();
    uncaught.stop();
  }
}

describe("PostgreSQL crash and restart under load", () => {
  let missing: string | null = null;
  let cluster: PrivatePostgres | undefined;
  let t: TestApp | undefined;
  let run: Scenario;

  beforeAll(async () => {
    missing = await privatePostgresMissing();
    if (missing) return;
    const started = await PrivatePostgres.start();
    cluster = started;
    t = await startTestApp({
      name: "postgres",
      create: async () => {
        const database = await createDatabase({ url: started.url, poolSize: 10 });
        await migrateToLatest(database.db);
        return database;
      },
    });
    run = await crashUnderLoad(t, started, await publishedForm(t));
  });
  afterAll(async () => {
    await t?.close();
    await cluster?.destroy();
  });

  const needsCluster = (ctx: TestContext) =>
    ctx.skip(missing !== null, `needs a private PostgreSQL cluster: ${missing}`);

  it("answers 503 SERVICE_UNAVAILABLE while the database is down, never 500", (ctx) => {
    needsCluster(ctx);
    const unavailable = { status: 503, code: "SERVICE_UNAVAILABLE" };
    expect(run.readsWhileDown).toEqual([unavailable, unavailable]);
    const answers = new Set(run.outcomes.map((o) => `${o.status} ${o.code ?? ""}`.trim()));
    expect([...answers].sort()).toEqual(["201", "503 SERVICE_UNAVAILABLE"]);
    const whollyWhileDown = run.outcomes.filter(
      (o) => o.startedAt >= run.downSince && o.endedAt <= run.downUntil,
    );
    expect(whollyWhileDown.length).toBeGreaterThan(0);
    expect(whollyWhileDown.filter((o) => o.status !== 503)).toEqual([]);
  });

  it("recovers by itself: once health is back every request succeeds", (ctx) => {
    needsCluster(ctx);
    const afterRecovery = run.outcomes.filter((o) => o.startedAt >= run.healthyAt);
    expect(afterRecovery.length).toBeGreaterThan(0);
    expect(afterRecovery.filter((o) => o.status !== 201)).toEqual([]);
  });

  it("keeps every acknowledged write, each with its revision", (ctx) => {
    needsCluster(ctx);
    const storedIds = new Set(run.stored.rows.map((r) => r.id));
    const acknowledged = run.outcomes.flatMap((o) => o.ids);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
    expect(run.stored.withoutRevision).toEqual([]);
  });

  it("stores what failed with 503 wholly or not at all, and nothing that was never sent", (ctx) => {
    needsCluster(ctx);
    // A request that failed may still have committed (the connection can die between COMMIT and its
    // answer), but only as a whole: a batch is stored entirely or not at all.
    const storedTitles = new Set(run.stored.rows.map((r) => r.title));
    const sent = new Set(run.outcomes.flatMap((o) => o.titles));
    expect(run.stored.rows.filter((r) => !sent.has(r.title))).toEqual([]);
    const partlyStored = run.outcomes.filter((o) => {
      const stored = o.titles.filter((title) => storedTitles.has(title)).length;
      return stored !== 0 && stored !== o.titles.length;
    });
    expect(partlyStored).toEqual([]);
  });

  // pg clients emit "error" when their server goes away, also while checked out by a request; unheard,
  // that is an uncaught exception that ends the process in production.
  it("keeps the process alive: a dropped connection raises no uncaught exception", (ctx) => {
    needsCluster(ctx);
    expect(run.uncaught.map(String)).toEqual([]);
  });
});
