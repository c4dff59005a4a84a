/**
 * @formwork/db — the database layer (DESIGN §3): Kysely over PGlite or PostgreSQL, migrations, and the
 * table-per-form record storage.
 *
 * Opening and migrating
 *   const { db, kind, close } = await createDatabase({ url: process.env.DATABASE_URL, dataDir: "./data" });
 *   await migrateToLatest(db);
 *   `url` → PostgreSQL through a `pg` Pool (options: schema, poolSize, applicationName); otherwise embedded
 *   PGlite (in memory without `dataDir`; `template`: a directory `createPGliteTemplate(dir)` made at
 *   build time, copied into an empty `dataDir` instead of running initdb). PGlite has one connection:
 *   transactions are serialised (concurrent requests queue). Inside `db.transaction()` use only the
 *   transaction object (or pass `db` to the functions below, which join a transaction they are given:
 *   `inTransaction`).
 *   A PostgreSQL restart or killed backend: in-flight and new requests fail with SERVICE_UNAVAILABLE, dead
 *   clients leave the pool, and requests succeed again once the server is back — no process restart.
 *
 * Errors: every driver error passes through `mapDatabaseError` (src/errors.ts): unique violations become
 *   `UniqueViolationError` (a FormworkError "UNIQUE_VIOLATION" with the index name), an unreachable or
 *   restarting database "SERVICE_UNAVAILABLE" (503), serialization failures "CONFLICT", data exceptions
 *   "VALIDATION_FAILED". Anything else is a bug and is rethrown untouched.
 *
 * Platform tables: `SystemTables` (users, sessions, api_tokens, login_attempts, apps, forms, form_versions,
 *   serial_counters, revisions, files, idempotency_keys) — query them with the typed `db`. Ids are UUID v7
 *   from `newId()` (time-sortable), in `uuid` columns. Write jsonb columns with `json(value)`.
 *   Timestamps read as Date; `date` columns as 'YYYY-MM-DD'; numeric and bigint as JS numbers.
 *
 * Publishing: `publishForm(db, {formId, definition, previousDefinition?, actorId?, indexes?})` → `{version,
 *   tableName}`. Creates/alters the form's table `r_<form id hex>` (system columns id, version, created_by,
 *   owner_id, dept_id, flow_status, created_at, updated_at, deleted_at + `f_<field id>` per stored field),
 *   child tables for sub-forms (`<table>__<field id>`: id, parent_id, row_order, typed columns), partial
 *   unique indexes for `unique` fields, btree (GIN for arrays) for `indexed` fields, composite btrees for
 *   `indexes` (field ids or $system names, e.g. what saved views sort/filter on), and one pg_trgm index for
 *   search over text fields. Field ids are re-checked ([a-z][a-z0-9_]*, unique): INVALID_DEFINITION with a
 *   pointer. Removed fields keep their column (hidden). A column type change is allowed
 *   only through a lossless cast (integer→numeric, date→timestamptz, integer/numeric/date/timestamptz/
 *   boolean→text, text→text[], anything→jsonb); otherwise FormworkError "INCOMPATIBLE_CHANGE" with detail path
 *   `/fields/N/type` (and `/fields/N/unique` when existing rows repeat a value made unique). Runs in the
 *   caller's transaction when given one (else its own): a refused publish changes nothing.
 *   `addIndexes(db, formId, [["status", "$createdAt"]])` adds view indexes without a new version (kept by
 *   later publishes that pass no `indexes`).
 *   `loadPublishedForm(db, formId)` → the `PublishedForm` the records functions take (cache it per version).
 *
 * Records (all writes take a transaction or open one; each writes its revision row in it):
 *   insertRecords(db, form, inputs[], ctx) → ApiRecord[]   (multi-row INSERT, chunked; serial fields filled
 *                                                          race-free from serial_counters)
 *   insertRecord(db, form, input, ctx) → ApiRecord
 *   getRecord(db, form, id, {deleted?}) → ApiRecord | null
 *   updateRecord(db, form, id, {data, expectedVersion?, ...}, ctx) → ApiRecord   (412 VERSION_CONFLICT on a
 *                                                          stale version, 404 NOT_FOUND)
 *   deleteRecord / restoreRecord(db, form, id, ctx, {expectedVersion?}) → ApiRecord (recycle bin)
 *   purgeRecord(db, form, id) → void   (only from the recycle bin; removes its revisions too)
 *   listRevisions(db, form, recordId) → RevisionView[]   (oldest first, field-level diffs; a create revision is
 *                                                          stored empty and its diff rebuilt on read)
 *   queryRecords(db, form, RecordQuery) → {records, count: {value, exact}, nextCursor}
 *   filterScopeFor(form, {now, timeZone, ...}) → the scope for compileFilter of @formwork/expressions
 *   Sorts: field ids or $id/$createdAt/$updatedAt/... (not arrays or jsonb); nulls last ascending, first
 *   descending (PostgreSQL's default, so plain btrees serve both); the id breaks ties. Cursors are opaque.
 *   Unique violations come back as "UNIQUE_VIOLATION" with detail path `/<field id>`.
 *   Counting rule: exact `count(*)` when there is no search and the filter reads only indexed names
 *   (`indexed`/`unique` fields, composite-index members, $id) — pass them as `filterFields`; otherwise the
 *   count stops at 1,000 and reports `{value: 1000, exact: false}` when there are more.
 *
 * Organisation (src/org): departments (a tree; memberships with one primary per member; heads are
 *   members with is_head), role groups and roles, user roles. Repositories: listDepartments,
 *   create/update/move/deleteDepartment (moves refuse cycles at /parentId), add/removeDepartmentMember(s),
 *   setDepartmentHeads, setUserDepartments, listRoleGroups, role/group CRUD, add/removeRoleMember(s),
 *   setUserRoles. Directory (all SQL, recursive CTEs; disabled users never returned):
 *   usersInRoles(db, roleIds), activeUsers(db, ids), departmentHeads(db, userId, levelsUp) (1 = head of the
 *   primary department), managerChain(db, userId, upToLevel) → [{level, departmentId, userIds}] (starts
 *   at the parent when the user heads their primary department; levels without a head are left out),
 *   membersOfDepartments(db, deptIds, includeSub), userDepartments(db, userId, includeSub),
 *   primaryDepartment(db, userId), activeAdmins(db), userFacts(db, userId) → {departmentIds, roleIds, ...}.
 * Saved views (src/views): `insertView / updateView / findView / listViews / deleteView` store a form's grid
 *   views (name, json-logic filter, sort, columns, page size, personal or shared). Saving one records the
 *   btree indexes its filter and sort need (`planViewIndexes`: equality fields then the range or sort field
 *   as one composite, single-field indexes for OR groups) in `form_indexes`, at most MAX_VIEW_INDEXES per
 *   form; `buildRequestedIndexes(db, formId, {concurrently})` then builds them after the commit (CREATE
 *   INDEX CONCURRENTLY on PostgreSQL), records failures for a retry, and adds each built index to the
 *   published version's `storage.indexes` (bumping `forms.storage_revision`), so counts become exact.
 *   `updateView` / `deleteView` release indexes no remaining view needs (`releaseUnwantedIndexes`: row and
 *   storage entry go in the same transaction); `dropReleasedIndexes` drops them after the commit.
 *
 * Outbox (src/outbox): `enqueueOutbox(tx, {kind: "webhook" | "email", target, payload, idempotencyKey, event?,
 *   appId?, webhookId?, maxAttempts?})` writes an external effect in the caller's transaction (sent only if
 *   it commits; a repeated idempotency key is a no-op). The server's dispatcher `claimOutbox`es due rows
 *   (SKIP LOCKED + a lease), sends them and `recordOutboxAttempt`s each try (status code, duration, error,
 *   response snippet) → delivered, retried after `backoffMs` (exponential, jittered) or dead after
 *   max attempts; `requeueOutbox` redelivers a finished one. Webhook subscriptions (`webhooks`) and the
 *   per-user email opt-in (`user_notification_settings`, copied to the outbox by a trigger on notifications).
 *
 * Imports (src/import, migration 0017): `insertImportJob`, `claimQueuedImportJob(tx)` (locks the oldest queued
 *   job FOR NO KEY UPDATE SKIP LOCKED for the transaction that runs it), `finishImportJob`,
 *   `cancelQueuedImportJob`, `saveImportProgress` / `findImportProgress` (written outside the job's
 *   transaction), `insertImportRejects` / `listImportRejects` (keyset by row number), and
 *   `findRecordsByKey(db, form, fieldId, values)` for update and upsert imports.
 *
 * Tests: `@formwork/db/testing` → `testDatabases()` for `describe.each` (PGlite always, PostgreSQL when
 *   TEST_DATABASE_URL is set, each in a throwaway schema).
 */

export * from "./automations";
export * from "./dashboards";
export {
  createDatabase,
  createPGliteTemplate,
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
} from "./database";
export { isUnavailable, mapDatabaseError, UniqueViolationError } from "./errors";
export { isId, newId } from "./ids";
export * from "./import";
export { migrateToLatest, migrationNames } from "./migrations";
export * from "./notifications";
export * from "./org";
export * from "./outbox";
export * from "./permissions";
export * from "./realtime";
export * from "./records";
export { SYSTEM_FIELDS, type SystemFieldName } from "./storage/layout";
export { loadPublishedForm } from "./storage/load";
export { addIndexes, publishForm } from "./storage/publish";
export type { PublishedForm, PublishInput, PublishResult } from "./storage/types";
export * from "./tables";
export * from "./templates";
export { inRetriedTransaction, inTransaction } from "./transaction";
export * from "./views";
export * from "./workflow";
