// A client that disconnects mid-request leaves nothing half-written: a 1,000-record batch is stored
// whole or not at all whenever the client goes, an aborted upload leaves neither a file row nor bytes
// on disk, and the server stays healthy. Runs on PGlite and on PostgreSQL (TEST_DATABASE_URL).
import { readdir, stat } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toErrorResponse } from "../../src/plugins/errors/to-error-response";
import { serverTestDatabases as testDatabases } from "../databases";
import { publishedForm } from "../fixtures";
import { startTestApp, type TestApp } from "../harness";
import { type HangUpOptions, multipartFile, type RawRequest, sendThenHangUp } from "./hang-up";
import { type HandlerOutcome, RequestOutcomes } from "./request-outcomes";
import { sleep, until } from "./wait";

/** How long a request that never reached its handler is watched before it counts as dropped. */
const NOTHING_HAPPENS_MS = 3_000;

const committed = (outcome: HandlerOutcome) => outcome.error === undefined && outcome.status === 201;

/** Every file under `root`, as paths relative to it (none when it does not exist yet). */
async function filesUnder(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  const files: string[] = [];
  for (const name of names) if ((await stat(join(root, name))).isFile()) files.push(name);
  return files.sort();
}

describe.each(testDatabases())("client disconnects ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let table: string;
  let port: number;
  const incoming: IncomingMessage[] = [];
  const outcomes = new RequestOutcomes();

  beforeAll(async () => {
    t = await startTestApp(database);
    formId = await publishedForm(t);
    const form = await t.db
      .selectFrom("forms")
      .select("table_name")
      .where("id", "=", formId)
      .executeTakeFirstOrThrow();
    table = form.table_name!;
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
    t.app.server.on("request", (request: IncomingMessage) => incoming.push(request));
  });
  afterAll(async () => {
    outcomes.close();
    await t?.close();
  });

  const authorization = () => `Bearer ${t.adminToken}`;
  const batchOf1000 = (label: string): RawRequest => ({
    method: "POST",
    path: `/api/forms/${formId}/records`,
    headers: { authorization: authorization(), "content-type": "application/json" },
    body: Buffer.from(
      JSON.stringify(
        Array.from({ length: 1000 }, (_, i) => ({ data: { title: `${label} ${i}`, price: i, qty: 1 } })),
      ),
    ),
  });
  const upload = (): RawRequest => {
    const file = multipartFile({ name: "big.txt", type: "text/plain", bytes: Buffer.alloc(2_000_000, "a") });
    return {
      method: "POST",
      path: "/api/files",
      headers: { authorization: authorization(), "content-type": file.contentType },
      body: file.body,
    };
  };

  /**
   * Sends (part of) the request and hangs up; `finished` waits until the server is done with it and
   * returns how its handler ended (`started: false` when it never ran). A request whose
   * socket closed before its body was read never reaches the handler (and is never answered), so
   * "done" is then: nothing has happened for a while.
   */
  const abandon = async (request: RawRequest, options: HangUpOptions) => {
    const index = incoming.length;
    const answeredTooSoon = await sendThenHangUp(port, request, options);
    const hungUpAt = Date.now();
    expect(answeredTooSoon, "the answer came before the client hung up").toBe(false);
    return {
      finished: async (): Promise<HandlerOutcome> => {
        await until("the server to be done with the abandoned request", () => {
          const raw = incoming[index];
          if (!raw) return false;
          const outcome = outcomes.of(raw);
          if (outcome.started) return outcome.status !== null;
          return raw.destroyed && Date.now() - hungUpAt > NOTHING_HAPPENS_MS;
        });
        return outcomes.of(incoming[index]!);
      },
    };
  };
  const hangUp = async (request: RawRequest, options: HangUpOptions) =>
    (await abandon(request, options)).finished();

  const stored = async (label: string) => {
    const pattern = `${label} %`;
    const records = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} where f_title like ${pattern}`.execute(t.db);
    const revisions = await sql<{ n: number }>`
      select count(*)::int as n from revisions v join ${sql.table(table)} r on r.id = v.record_id
      where r.f_title like ${pattern}`.execute(t.db);
    return { records: records.rows[0]!.n, revisions: revisions.rows[0]!.n };
  };

  const fileState = async () => ({
    rows: (await t.db.selectFrom("files").select("storage_path").execute()).map((r) => r.storage_path).sort(),
    onDisk: await filesUnder(join(t.dataDir, "files")),
  });

  it("stores nothing of a 1,000-record batch whose body was cut off halfway", async () => {
    expect((await hangUp(batchOf1000("halfway"), { fraction: 0.5 })).started).toBe(false);
    expect(await stored("halfway")).toEqual({ records: 0, revisions: 0 });
  });

  it("stores a batch whole or not at all when the client hangs up right after sending it", async () => {
    const outcome = await hangUp(batchOf1000("sent"), { fraction: 1 });
    const expected = committed(outcome) ? 1000 : 0;
    expect(await stored("sent")).toEqual({ records: expected, revisions: expected });
  });

  it("stores a batch whole or not at all when the client hangs up while it waits for the database", async () => {
    // Hold the database so the batch is caught mid-flight: on PostgreSQL a lock makes its INSERT wait
    // inside its transaction; PGlite has one connection, so the whole request waits for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held!: () => void;
    const holding = new Promise<void>((resolve) => {
      held = resolve;
    });
    const holder = t.db.transaction().execute(async (tx) => {
      if (database.name === "postgres") {
        await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(tx);
      } else {
        await sql`select 1`.execute(tx);
      }
      held();
      await released;
    });
    await holding;
    const index = incoming.length;
    const caughtMidFlight = async () => {
      if (database.name === "postgres") {
        await until("the batch to wait for the lock", async () => {
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_locks
            where not granted and relation = to_regclass(${table})
              and database = (select oid from pg_database where datname = current_database())`.execute(t.db);
          return waiting.rows[0]!.n > 0;
        });
      } else {
        await until("the request to reach the server", () => incoming.length > index);
        await sleep(200);
      }
    };
    let abandoned: Awaited<ReturnType<typeof abandon>>;
    try {
      abandoned = await abandon(batchOf1000("waiting"), { fraction: 1, beforeHangUp: caughtMidFlight });
    } finally {
      release();
      await holder;
    }
    const expected = committed(await abandoned.finished()) ? 1000 : 0;
    expect(await stored("waiting")).toEqual({ records: expected, revisions: expected });
  });

  it("leaves neither a file row nor bytes on disk when an upload is cut off halfway", async () => {
    const before = await fileState();
    await hangUp(upload(), { fraction: 0.5 });
    expect(await fileState()).toEqual(before);
  });

  // The client is gone and sees no answer, but the server logs a 5xx as its own bug ("unhandled error"):
  // an abort must be classed as the client's doing. Fails until the server maps Node's "aborted" request
  // error (code ECONNRESET, thrown from the multipart stream) to a 4xx.
  it("classes an upload cut off halfway as the client's doing (4xx), not an internal error", async () => {
    const { error } = await hangUp(upload(), { fraction: 0.5 });
    expect(error).toBeDefined();
    const answer = toErrorResponse(error);
    expect(answer.unexpected).toBe(false);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it("keeps an upload whole or absent when the client hangs up right after sending it", async () => {
    const before = await fileState();
    const outcome = await hangUp(upload(), { fraction: 1 });
    const after = await fileState();
    expect(after.onDisk).toEqual(after.rows);
    expect(after.rows.length).toBe(before.rows.length + (committed(outcome) ? 1 : 0));
    const added = after.rows.filter((path) => !before.rows.includes(path));
    for (const path of added) expect((await stat(join(t.dataDir, "files", path))).size).toBe(2_000_000);
  });

  it("stays healthy and takes the same batch afterwards", async () => {
    expect((await t.anonymous.request("GET", "/api/health")).statusCode).toBe(200);
    const batch = batchOf1000("afterwards");
    const created = await t.admin.request(
      "POST",
      `/api/forms/${formId}/records`,
      JSON.parse(String(batch.body)),
    );
    expect(created.statusCode).toBe(201);
    expect(await stored("afterwards")).toEqual({ records: 1000, revisions: 1000 });
    // Nothing an abandoned request started was finished later in part.
    expect(await stored("halfway")).toEqual({ records: 0, revisions: 0 });
    for (const label of ["sent", "waiting"]) {
      const { records, revisions } = await stored(label);
      expect([0, 1000]).toContain(records);
      expect(revisions).toBe(records);
    }
  });
});
