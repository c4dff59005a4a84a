// Which template an app came from: written in the install's transaction, read and bumped by upgrades.

import type { Kysely } from "kysely";
import { sql } from "kysely";
import { json, type SystemTables } from "../tables";
import type { PlaceholderMap } from "./tables";

type Db = Kysely<SystemTables>;

export interface AppTemplateView {
  appId: string;
  template: string;
  version: string;
  source: "gallery" | "import";
  bundle: unknown;
  placeholders: PlaceholderMap;
  installedBy: string | null;
  installedAt: string;
  upgradedAt: string | null;
}

export async function recordAppTemplate(
  db: Db,
  input: {
    appId: string;
    template: string;
    version: string;
    source: "gallery" | "import";
    bundle: unknown;
    placeholders: PlaceholderMap;
    actorId: string | null;
  },
): Promise<void> {
  await db
    .insertInto("app_templates")
    .values({
      app_id: input.appId,
      template: input.template,
      version: input.version,
      source: input.source,
      bundle: json(input.bundle),
      placeholders: json(input.placeholders),
      installed_by: input.actorId,
    })
    .execute();
}

/** The app's template row, locked for the caller's transaction when `forUpdate` (an upgrade holds it). */
export async function getAppTemplate(
  db: Db,
  appId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AppTemplateView | null> {
  const row = await db
    .selectFrom("app_templates")
    .selectAll()
    .where("app_id", "=", appId)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) return null;
  return {
    appId: row.app_id,
    template: row.template,
    version: row.version,
    source: row.source,
    bundle: row.bundle,
    placeholders: row.placeholders,
    installedBy: row.installed_by,
    installedAt: row.installed_at.toISOString(),
    upgradedAt: row.upgraded_at?.toISOString() ?? null,
  };
}

export async function markAppTemplateUpgraded(
  db: Db,
  input: { appId: string; version: string; bundle: unknown; placeholders: PlaceholderMap },
): Promise<void> {
  await db
    .updateTable("app_templates")
    .set({
      version: input.version,
      bundle: json(input.bundle),
      placeholders: json(input.placeholders),
      upgraded_at: sql<Date>`now()`,
    })
    .where("app_id", "=", input.appId)
    .execute();
}
