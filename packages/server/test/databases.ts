// The databases every server test runs on: testDatabases() of @formwork/db, except that PostgreSQL
// gets a whole throwaway database per test file instead of a schema. Kysely's migrator looks for its
// bookkeeping tables in every schema it can see, so a schema-isolated migration races with any other
// test run that has a migrated schema in the same database (it skips creating its own tables and then
// fails with `relation "kysely_migration_lock" does not exist`); a separate database sees no one else.
import { randomBytes } from "node:crypto";
import { createDatabase, migrateToLatest } from "@formwork/db";
import { type TestDatabase, testDatabases } from "@formwork/db/testing";
import { sql } from "kysely";

export function serverTestDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  return testDatabases().map((database) =>
    database.name === "postgres" && url
      ? { name: "postgres", create: () => createIsolatedPostgres(url) }
      : database,
  );
}

async function createIsolatedPostgres(url: string) {
  const name = `fw_server_${randomBytes(6).toString("hex")}`;
  await asAdmin(url, (admin) => sql.raw(`CREATE DATABASE ${name}`).execute(admin));
  const own = new URL(url);
  own.pathname = `/${name}`;
  const { db, close } = await createDatabase({ url: own.toString(), poolSize: 20 });
  await migrateToLatest(db);
  return {
    db,
    url: own.toString(),
    close: async () => {
      await close();
      await asAdmin(url, (admin) => sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin));
    },
  };
}

async function asAdmin<T>(
  url: string,
  work: (db: Awaited<ReturnType<typeof createDatabase>>["db"]) => Promise<T>,
) {
  const { db, close } = await createDatabase({ url, poolSize: 1 });
  try {
    return await work(db);
  } finally {
    await close();
  }
}
