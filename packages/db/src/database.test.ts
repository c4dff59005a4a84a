import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, createPGliteTemplate } from "./database";
import { UniqueViolationError } from "./errors";
import { newId } from "./ids";
import { migrateToLatest, migrationNames } from "./migrations";
import type { SystemTables } from "./tables";
import { testDatabases } from "./testing";

describe.each(testDatabases())("database on $name", ({ name, create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  it("migrates every platform table, and migrating again changes nothing", async () => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db);
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      "users",
      "sessions",
      "api_tokens",
      "login_attempts",
      "apps",
      "forms",
      "form_versions",
    ]) {
      expect(tables).toContain(table);
    }
    for (const table of ["serial_counters", "revisions", "files", "idempotency_keys"])
      expect(tables).toContain(table);
    const again = await migrateToLatest(db);
    expect(again.results).toEqual([]);
    const applied = await db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(applied).toHaveLength(migrationNames.length);
  });

  it("maps a unique violation to UNIQUE_VIOLATION with the index name", async () => {
    const user = { email: "a@example.com", name: "A", password_hash: "x" };
    await db
      .insertInto("users")
      .values({ id: newId(), ...user })
      .execute();
    const error = await db
      .insertInto("users")
      .values({ id: newId(), ...user })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect((error as UniqueViolationError).code).toBe("UNIQUE_VIOLATION");
    expect((error as UniqueViolationError).constraint).toBe("users_email_uq");
  });

  it("rolls a failed transaction back and keeps serving", async () => {
    const id = newId();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("apps").values({ id, name: "doomed" }).execute();
        await sql`SELECT 1/0`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await db.selectFrom("apps").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows[0]?.one).toBe(1);
  });

  it("never interleaves concurrent transactions' statements", async () => {
    const log: string[] = [];
    const work = (tag: string) =>
      db.transaction().execute(async (trx) => {
        log.push(`${tag}:begin`);
        await sql`SELECT pg_sleep(0.01)`.execute(trx);
        await trx.insertInto("apps").values({ id: newId(), name: tag }).execute();
        log.push(`${tag}:end`);
      });
    await Promise.all(["a", "b", "c", "d"].map(work));
    expect(log).toHaveLength(8);
    if (name === "pglite") {
      // One connection: each transaction runs start to end before the next begins.
      for (let i = 0; i < log.length; i += 2) expect(log[i]?.split(":")[0]).toBe(log[i + 1]?.split(":")[0]);
    }
  });

  it("reads numbers, dates and timestamps the same way on both drivers", async () => {
    const { rows } = await sql<{ n: unknown; big: unknown; d: unknown; t: unknown; j: unknown }>`
      SELECT 12.50::numeric AS n, 9007199254740::bigint AS big, '2026-02-03'::date AS d,
             '2026-02-03T04:05:06.789Z'::timestamptz AS t, '{"a":[1,"x"]}'::jsonb AS j`.execute(db);
    expect(rows[0]).toEqual({
      n: 12.5,
      big: 9007199254740,
      d: "2026-02-03",
      t: new Date("2026-02-03T04:05:06.789Z"),
      j: { a: [1, "x"] },
    });
  });
});

describe("PGlite on disk", () => {
  it("starts a new data directory from a template made once, and keeps its data across a restart", async () => {
    const root = await mkdtemp(join(tmpdir(), "formwork-db-"));
    const template = join(root, "template");
    const dataDir = join(root, "data");
    try {
      await createPGliteTemplate(template);
      expect(existsSync(join(template, "PG_VERSION"))).toBe(true);
      expect(existsSync(join(template, "postmaster.pid"))).toBe(false);

      const first = await createDatabase({ dataDir, template });
      expect(first.kind).toBe("pglite");
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
      const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(first.db);
      expect(rows[0]?.shared_buffers).toBe("16MB");
      await migrateToLatest(first.db);
      const id = newId();
      await first.db.insertInto("apps").values({ id, name: "持久" }).execute();
      await first.close();

      const second = await createDatabase({ dataDir, template });
      try {
        expect((await migrateToLatest(second.db)).results).toEqual([]);
        const app = await second.db.selectFrom("apps").select("name").where("id", "=", id).executeTakeFirst();
        expect(app?.name).toBe("持久");
      } finally {
        await second.close();
      }
      // A copy: the template stays as initdb left it for the next new directory.
      const fromTemplate = await createDatabase({ dataDir: join(root, "other"), template });
      try {
        const { rows: apps } =
          await sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'apps'`.execute(
            fromTemplate.db,
          );
        expect(apps).toEqual([]);
      } finally {
        await fromTemplate.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 300_000);
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)("PostgreSQL connections killed under the pool", () => {
  it("answers 503 while they are gone and recovers without a restart", async () => {
    const url = postgresUrl as string;
    const applicationName = `formwork_test_${newId().slice(-12)}`;
    const { db, close } = await createDatabase({ url, applicationName, poolSize: 4 });
    const admin = await createDatabase({ url, poolSize: 1 });
    try {
      await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(db)));
      const inFlight = Array.from({ length: 4 }, () =>
        sql`SELECT pg_sleep(2)`.execute(db).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${applicationName}`.execute(
        admin.db,
      );
      for (const error of await Promise.all(inFlight)) {
        expect(error).toBeInstanceOf(FormworkError);
        expect((error as FormworkError).code).toBe("SERVICE_UNAVAILABLE");
      }
      const after = await Promise.all(
        Array.from({ length: 8 }, () =>
          sql<{ one: number }>`SELECT 1 AS one`.execute(db).then((r) => r.rows[0]?.one),
        ),
      );
      expect(after).toEqual(Array(8).fill(1));
    } finally {
      await admin.close();
      await close();
    }
  });
});

describe("an unreachable PostgreSQL", () => {
  it("answers SERVICE_UNAVAILABLE", async () => {
    const { db, close } = await createDatabase({ url: "postgres://postgres@127.0.0.1:9/none" });
    try {
      const error = await sql`SELECT 1`.execute(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FormworkError);
      expect((error as FormworkError).status).toBe(503);
    } finally {
      await close();
    }
  });
});
