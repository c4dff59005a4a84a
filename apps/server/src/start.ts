import { createPubSubPool } from "@formwork/db";
import { buildApp } from "@formwork/server";
import { TEMPLATES_DIR, WEB_DIST } from "./app-paths";
import { ensureAdmin } from "./bootstrap-admin";
import type { RuntimeSettings } from "./env-config";
import { openDatabase } from "./open-database";

const SHUTDOWN_GRACE_MS = 10_000;

/** Migrates, makes sure an admin exists, serves until SIGTERM/SIGINT, then drains and closes. */
export async function start(settings: RuntimeSettings): Promise<void> {
  const database = await openDatabase(settings);
  const bootstrap = await ensureAdmin(database.db, settings.admin);
  // With PostgreSQL, realtime events reach the sockets of every instance through LISTEN/NOTIFY.
  const pubsubPool = settings.databaseUrl ? createPubSubPool({ url: settings.databaseUrl }) : undefined;
  const app = await buildApp({
    db: database.db,
    kind: database.kind,
    dataDir: settings.dataDir,
    config: settings.server,
    webDistDir: WEB_DIST,
    templatesDir: TEMPLATES_DIR,
    ...(pubsubPool ? { pubsub: { pool: pubsubPool, channelPrefix: "formwork" } } : {}),
  });
  if (bootstrap.created) {
    app.log.info({ email: bootstrap.email }, "created the first administrator");
    if (bootstrap.generatedPassword) {
      // Printed to stdout once, outside the JSON log, so an operator sees it and log shippers keep it out.
      process.stdout.write(
        `\n  First administrator: ${bootstrap.email}\n  Password (shown once): ${bootstrap.generatedPassword}\n\n`,
      );
    }
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      await pubsubPool?.end();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  await app.listen({ port: settings.port, host: settings.host });
  app.log.info(
    { database: database.kind, dataDir: settings.dataDir },
    `Formwork is serving http://localhost:${settings.port}`,
  );
}
