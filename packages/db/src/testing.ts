// Test databases: every database test runs on each entry (`describe.each(testDatabases())`).
import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { createDatabase, type DatabaseKind } from "./database";
import { migrateToLatest, migrationsFingerprint } from "./migrations";
import type { SystemTables } from "./tables";

export interface TestDatabase {
  name: DatabaseKind;
  /** A fresh, migrated, isolated database; `close` throws it away. */
  create(): Promise<{ db: Kysely<SystemTables>; close(): Promise<void> }>;
}

/** PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set (one fresh schema per call). */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  const list: TestDatabase[] = [{ name: "pglite", create: createPGliteTestDatabase }];
  if (url) list.push({ name: "postgres", create: () => createPostgresTestDatabase(url) });
  return list;
}

// Starting PGlite from a migrated snapshot skips initdb and the migrations: about half the start-up.
// The snapshot is shared by test files through the temp directory, keyed by the migrations' code.
async function createPGliteTestDatabase() {
  const file = join(tmpdir(), `formwork-pglite-${migrationsFingerprint()}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) {
    const { db, close } = await createDatabase({ loadDataDir: new Blob([cached]) });
    return { db, close };
  }
  const { db, close, snapshot } = await createDatabase();
  await migrateToLatest(db);
  if (snapshot) {
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, Buffer.from(await (await snapshot()).arrayBuffer()));
    await rename(partial, file);
  }
  return { db, close };
}

async function createPostgresTestDatabase(url: string) {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await admin(url, async (client) => {
    await ensureTrigram(client);
    await client.query(`CREATE SCHEMA ${schema}`);
  });
  const { db, close } = await createDatabase({ url, schema, poolSize: 20 });
  await migrateToLatest(db);
  return {
    db,
    close: async () => {
      await close();
      await admin(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

// The extension lives in `public`, shared by all test schemas: created there once, so dropping a
// test schema never drops it under another test's feet. Parallel test files may race to create it.
async function ensureTrigram(client: pg.Client): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Migration 0021 on its own, for the test that replays an upgrade over forms that had no set.
export * as closedFormsMigration from "./migrations/0021_closed_forms";
