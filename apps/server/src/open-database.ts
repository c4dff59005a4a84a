import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createDatabase, type Database, migrateToLatest } from "@formwork/db";
import { PGLITE_TEMPLATE } from "./app-paths";
import type { RuntimeSettings } from "./env-config";

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite under `<data dir>/pglite` (a first start copies the
 * build's initdb'd template when there is one); migrated to the latest schema.
 */
export async function openDatabase(settings: RuntimeSettings): Promise<Database> {
  if (!settings.databaseUrl) await mkdir(settings.dataDir, { recursive: true });
  const database = await createDatabase(
    settings.databaseUrl
      ? { url: settings.databaseUrl, preparedStatements: settings.preparedStatements }
      : { dataDir: join(settings.dataDir, "pglite"), template: PGLITE_TEMPLATE },
  );
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
