// Indexes saved views ask for, tracked in `form_indexes` and built after the view's row has committed.
// On PostgreSQL the build is CREATE INDEX CONCURRENTLY (outside any transaction), so writes to the form
// are never blocked for the length of a build; on PGlite (one connection, no concurrent writers) it
// is a plain CREATE INDEX. A build is claimed by a conditional UPDATE, so two instances never build the
// same index at once; a failed build is recorded with its error and retried on the next request for it.
import { FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { readIndexes } from "../storage/catalog";
import { buildLayout, extraIndexLayout } from "../storage/layout";
import { quoteIdentifier } from "../storage/names";
import { forgetIndexLists, lockPublishedForm, storeIndexLists } from "../storage/stored-indexes";
import type { PublishedForm } from "../storage/types";
import type { FormIndexStatus, SystemTables } from "../tables";
import { inTransaction } from "../transaction";

/** At most this many view indexes per form table: each one costs every insert and update. */
export const MAX_VIEW_INDEXES = 16;
/** A failed build is retried automatically this many times; asking for the index again resets it. */
export const MAX_BUILD_ATTEMPTS = 3;
/** A build claimed longer ago than this is taken to be dead (its process stopped) and may be reclaimed. */
const STALE_CLAIM = "30 minutes";

export interface IndexState {
  name: string;
  columns: string[];
  /** "skipped": not built because the form already has MAX_VIEW_INDEXES view indexes. */
  status: FormIndexStatus | "skipped";
  error?: string;
}

/** The catalog name of the index over `columns` of the form's table (the same name publishing uses). */
export function viewIndexName(form: PublishedForm, columns: readonly string[]): string {
  const layout = buildLayout(form.tableName, form.definition);
  const byId = new Map(layout.columns.map((c) => [c.fieldId, c]));
  const index = extraIndexLayout(form.tableName, byId, columns);
  if (!index) throw new Error("an index needs at least one column");
  return index.name;
}

/**
 * Records the indexes a view needs (in the view's transaction), up to MAX_VIEW_INDEXES per form. Asking
 * again for a failed index makes it pending again with fresh attempts.
 */
export async function requestIndexes(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  lists: readonly (readonly string[])[],
): Promise<void> {
  if (lists.length === 0) return;
  await inTransaction(db, async (trx) => {
    // Serialises requests for one form, so the cap holds under concurrent saves.
    await trx.selectFrom("forms").select("id").where("id", "=", form.id).forUpdate().execute();
    const existing = await trx
      .selectFrom("form_indexes")
      .select(["name", "status"])
      .where("form_id", "=", form.id)
      .execute();
    const known = new Map(existing.map((row) => [row.name, row.status]));
    let room = MAX_VIEW_INDEXES - existing.length;
    for (const columns of lists) {
      const name = viewIndexName(form, columns);
      const status = known.get(name);
      if (status === "failed") {
        await trx
          .updateTable("form_indexes")
          .set({ status: "pending", attempts: 0, updated_at: sql<Date>`now()` })
          .where("form_id", "=", form.id)
          .where("name", "=", name)
          .execute();
      } else if (status === undefined && room > 0) {
        room -= 1;
        known.set(name, "pending");
        await trx
          .insertInto("form_indexes")
          .values({ form_id: form.id, name, columns: [...columns] })
          .execute();
      }
    }
  });
}

/** The state of each index a view needs, in the order given. */
export async function indexStates(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  lists: readonly (readonly string[])[],
): Promise<IndexState[]> {
  if (lists.length === 0) return [];
  const names = lists.map((columns) => viewIndexName(form, columns));
  const rows = await db
    .selectFrom("form_indexes")
    .select(["name", "status", "error"])
    .where("form_id", "=", form.id)
    .where("name", "in", names)
    .execute();
  const byName = new Map(rows.map((row) => [row.name, row]));
  return lists.map((columns, i) => {
    const row = byName.get(names[i] as string);
    return {
      name: names[i] as string,
      columns: [...columns],
      status: row?.status ?? "skipped",
      ...(row?.error ? { error: row.error } : {}),
    };
  });
}

export interface BuildOptions {
  /** CREATE INDEX CONCURRENTLY (PostgreSQL). PGlite has no concurrent writers and builds plainly. */
  concurrently: boolean;
}

/**
 * Builds every open index of the form (pending, failed with attempts left, or claimed by a dead build),
 * one at a time. Never throws for a failed build: the failure is recorded on its row.
 */
export async function buildRequestedIndexes(
  db: Kysely<SystemTables>,
  formId: string,
  options: BuildOptions,
): Promise<void> {
  // A build that fails here is retried by a later call, not straight away in this loop.
  const tried: string[] = [];
  for (;;) {
    const claimed = await claimOne(db, formId, tried);
    if (!claimed) return;
    tried.push(claimed.name);
    try {
      await buildOne(db, formId, claimed.name, claimed.columns, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("form_indexes")
        .set({ status: "failed", error: message.slice(0, 1000), updated_at: sql<Date>`now()` })
        .where("form_id", "=", formId)
        .where("name", "=", claimed.name)
        .execute();
    }
  }
}

/** Forms with index builds still to do (for resuming them when a server starts). */
export async function formsWithOpenIndexes(db: Kysely<SystemTables>): Promise<string[]> {
  const rows = await db
    .selectFrom("form_indexes")
    .select("form_id")
    .distinct()
    .where("status", "<>", "ready")
    .execute();
  return rows.map((row) => row.form_id);
}

async function claimOne(db: Kysely<SystemTables>, formId: string, skip: readonly string[]) {
  return db
    .updateTable("form_indexes")
    .set({
      status: "building",
      claimed_at: sql<Date>`now()`,
      attempts: sql<number>`attempts + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("form_id", "=", formId)
    .where("name", "=", (eb) =>
      eb
        .selectFrom("form_indexes")
        .select("name")
        .where("form_id", "=", formId)
        .$if(skip.length > 0, (q) => q.where("name", "not in", skip))
        .where((w) =>
          w.or([
            w("status", "=", "pending"),
            w.and([w("status", "=", "failed"), w("attempts", "<", MAX_BUILD_ATTEMPTS)]),
            w.and([
              w("status", "=", "building"),
              w("claimed_at", "<", sql<Date>`now() - ${sql.raw(`interval '${STALE_CLAIM}'`)}`),
            ]),
          ]),
        )
        .orderBy("created_at")
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["name", "columns"])
    .executeTakeFirst();
}

async function buildOne(
  db: Kysely<SystemTables>,
  formId: string,
  name: string,
  columns: string[],
  { concurrently }: BuildOptions,
): Promise<void> {
  const form = await inTransaction(db, (trx) => lockPublishedForm(trx, formId));
  const layout = buildLayout(form.tableName, form.definition);
  const index = extraIndexLayout(form.tableName, new Map(layout.columns.map((c) => [c.fieldId, c])), columns);
  if (!index || index.name !== name)
    throw new FormworkError("CONFLICT", "The index no longer matches the form");

  // A concurrent build that failed leaves an INVALID index behind under the same name: drop it first.
  const { rows } = await sql<{ valid: boolean }>`
    SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname = ${name} AND c.relnamespace = current_schema()::regnamespace`.execute(db);
  if (rows[0] && !rows[0].valid) {
    await sql
      .raw(`DROP INDEX ${concurrently ? "CONCURRENTLY " : ""}IF EXISTS ${quoteIdentifier(name)}`)
      .execute(db);
  }
  const create = index.create.replace(
    /^CREATE INDEX /,
    concurrently ? "CREATE INDEX CONCURRENTLY IF NOT EXISTS " : "CREATE INDEX IF NOT EXISTS ",
  );
  await sql.raw(create).execute(db);

  // Built: the published version now lists it (publishing keeps it; counts on its fields are exact).
  await inTransaction(db, async (trx) => {
    const locked = await lockPublishedForm(trx, formId);
    // A publish that ran between the build and this lock did not know the index and dropped it.
    const present = await readIndexes(trx as unknown as Kysely<unknown>, [locked.tableName]);
    if (!present.has(name))
      throw new Error("The index was dropped by a concurrent publish; it will be rebuilt");
    await storeIndexLists(trx, locked, [columns]);
    await trx
      .updateTable("form_indexes")
      .set({ status: "ready", error: null, updated_at: sql<Date>`now()` })
      .where("form_id", "=", formId)
      .where("name", "=", name)
      .execute();
  });
}

/**
 * Forgets the view indexes of the form that no saved view needs any more (`wanted` holds the lists the
 * remaining views need), in the caller's transaction: their rows go, and the published version stops
 * listing them. Returns their names, to drop after the commit (`dropReleasedIndexes`), so deleting views
 * frees room under MAX_VIEW_INDEXES and writes stop paying for indexes nobody reads through.
 */
export async function releaseUnwantedIndexes(
  trx: Kysely<SystemTables>,
  form: PublishedForm,
  wanted: readonly (readonly string[])[],
): Promise<string[]> {
  const keep = new Set(wanted.map((columns) => viewIndexName(form, columns)));
  const rows = await trx
    .selectFrom("form_indexes")
    .select(["name", "columns"])
    .where("form_id", "=", form.id)
    .execute();
  const unwanted = rows.filter((row) => !keep.has(row.name));
  if (unwanted.length === 0) return [];
  const locked = await lockPublishedForm(trx, form.id);
  await trx
    .deleteFrom("form_indexes")
    .where("form_id", "=", form.id)
    .where(
      "name",
      "in",
      unwanted.map((row) => row.name),
    )
    .execute();
  await forgetIndexLists(
    trx,
    locked,
    unwanted.map((row) => row.columns),
  );
  return unwanted.map((row) => row.name);
}

/**
 * Drops indexes released by `releaseUnwantedIndexes` (after its commit), unless a view asked for one of
 * them again in the meantime. A drop that fails leaves an index no version lists: the next publish drops it.
 */
export async function dropReleasedIndexes(
  db: Kysely<SystemTables>,
  formId: string,
  names: readonly string[],
  { concurrently }: BuildOptions,
): Promise<void> {
  for (const name of names) {
    const again = await db
      .selectFrom("form_indexes")
      .select("name")
      .where("form_id", "=", formId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (again) continue;
    await sql
      .raw(`DROP INDEX ${concurrently ? "CONCURRENTLY " : ""}IF EXISTS ${quoteIdentifier(name)}`)
      .execute(db);
  }
}
