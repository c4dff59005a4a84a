// Test databases: every database test runs on each entry (`describe.each(testDatabases())`).
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { createDatabase, type DatabaseKind } from "./database";
import { migrateToLatest } from "./migrations";
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

async function createPGliteTestDatabase() {
  const { db, close } = await createDatabase();
  await migrateToLatest(db);
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
