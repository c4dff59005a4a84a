import { createHash } from "node:crypto";
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from "kysely";
import * as extensions from "./0001_extensions";
import * as usersAndAuth from "./0002_users_and_auth";
import * as appsAndForms from "./0003_apps_and_forms";
import * as recordsSupport from "./0004_records_support";
import * as savedViews from "./0005_saved_views";
import * as appMenuAndDraftRevision from "./0006_app_menu_and_draft_revision";
import * as organisation from "./0007_organisation";
import * as workflow from "./0008_workflow";
import * as revisionsWithoutFormFk from "./0009_revisions_without_form_fk";
import * as permissions from "./0010_permissions";
import * as security from "./0011_security";
import * as commentsAndNotifications from "./0013_comments_and_notifications";
import * as outboxAndWebhooks from "./0014_outbox_and_webhooks";
import * as automations from "./0015_automations";
import * as dashboards from "./0016_dashboards";
import * as importJobs from "./0017_import_jobs";
import * as templates from "./0018_templates";
import * as realtimeAttachments from "./0020_realtime_attachments";
import * as closedForms from "./0021_closed_forms";
import * as formRollups from "./0024_form_rollups";
import * as flowTimersAnnounce from "./0026_flow_timers_announce";
import * as notificationsAnnounce from "./0028_notifications_announce";
import * as notificationsUnannounced from "./0030_notifications_unannounced";
import * as recordFillfactor from "./0031_record_fillfactor";
import * as automationRunsWithoutFk from "./0033_automation_runs_without_fk";
import * as flowInstancesHot from "./0034_flow_instances_hot";
import * as inboxFormIds from "./0035_inbox_form_ids";

// In code rather than read from a folder, so a bundled server carries its migrations. Names sort in
// the order they must run; a released migration is never edited, only followed by a new one.
const MIGRATIONS: Record<string, Migration> = {
  "0001_extensions": extensions,
  "0002_users_and_auth": usersAndAuth,
  "0003_apps_and_forms": appsAndForms,
  "0004_records_support": recordsSupport,
  "0005_saved_views": savedViews,
  "0006_app_menu_and_draft_revision": appMenuAndDraftRevision,
  "0007_organisation": organisation,
  "0008_workflow": workflow,
  "0009_revisions_without_form_fk": revisionsWithoutFormFk,
  "0010_permissions": permissions,
  "0011_security": security,
  "0013_comments_and_notifications": commentsAndNotifications,
  "0014_outbox_and_webhooks": outboxAndWebhooks,
  "0016_dashboards": dashboards,
  "0017_import_jobs": importJobs,
  "0018_templates": templates,
  "0015_automations": automations,
  "0020_realtime_attachments": realtimeAttachments,
  "0021_closed_forms": closedForms,
  "0024_form_rollups": formRollups,
  "0026_flow_timers_announce": flowTimersAnnounce,
  "0028_notifications_announce": notificationsAnnounce,
  "0030_notifications_unannounced": notificationsUnannounced,
  "0031_record_fillfactor": recordFillfactor,
  "0033_automation_runs_without_fk": automationRunsWithoutFk,
  "0034_flow_instances_hot": flowInstancesHot,
  "0035_inbox_form_ids": inboxFormIds,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Brings the database to the latest schema; throws the first failure (its migration rolled back). */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
  // The migrator's bookkeeping tables live in the schema being migrated. Left unqualified, Kysely looks
  // for them in every schema of the database and would take another schema's for ours.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const schema = rows[0]?.schema ?? "public";
  // Numbers are reserved per feature and land in any order, so a database may have run 0007 before
  // 0006 arrived; they touch different tables, so running the late one is safe.
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider,
    migrationTableSchema: schema,
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export const migrationNames: readonly string[] = Object.keys(MIGRATIONS);

/** Changes whenever a migration's code does: keys caches of migrated databases (test snapshots). */
export function migrationsFingerprint(): string {
  return createHash("sha256")
    .update(
      Object.entries(MIGRATIONS)
        .map(([name, m]) => `${name}:${m.up.toString()}`)
        .join("\n"),
    )
    .digest("hex")
    .slice(0, 16);
}
