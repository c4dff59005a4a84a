import type { FormDefinition } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormRow } from "../../test/fixtures";
import { newId } from "../ids";
import { queryRecords } from "../records";
import { loadPublishedForm } from "../storage/load";
import { publishForm } from "../storage/publish";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  buildRequestedIndexes,
  dropReleasedIndexes,
  indexStates,
  MAX_VIEW_INDEXES,
  requestIndexes,
} from "./form-indexes";
import { deleteView, insertView, updateView, viewIndexLists } from "./repository";

const definition: FormDefinition = {
  key: "orders",
  name: "Orders",
  fields: [
    { id: "region", type: "text", label: "Region" },
    { id: "status", type: "text", label: "Status" },
    { id: "amount", type: "number", label: "Amount" },
  ],
};
const view = {
  name: "East, 100–200",
  shared: true,
  filter: { and: [{ "==": [{ var: "region" }, "east"] }, { between: [{ var: "amount" }, 100, 200] }] },
  sort: [{ field: "amount", direction: "desc" as const }],
  columns: [],
  pageSize: 50,
};

async function indexDefs(db: Kysely<SystemTables>, table: string) {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table}`.execute(
    db,
  );
  return rows;
}

describe.each(testDatabases())("view indexes on $name", ({ name, create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let form: PublishedForm;
  let userId: string;
  const concurrently = name === "postgres";
  beforeAll(async () => {
    ({ db, close } = await create());
    const formId = await createFormRow(db, definition);
    await publishForm(db, { formId, definition });
    form = (await loadPublishedForm(db, formId)) as PublishedForm;
    userId = newId();
    await db
      .insertInto("users")
      .values({ id: userId, email: `${userId}@example.com`, name: "U", password_hash: "x" })
      .execute();
    await db
      .insertInto(form.tableName as never)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          id: newId(),
          f_region: i % 2 ? "east" : "west",
          f_amount: i * 10,
        })) as never,
      )
      .execute();
  });
  afterAll(() => close());

  it("saving a view records its indexes; the build creates them once, named deterministically", async () => {
    const before = await queryRecords(db, form, { filter: sql`f_region = 'east'`, filterFields: ["region"] });
    expect(before.count).toEqual({ value: 15, exact: true }); // under the cap either way
    await insertView(db, form, userId, view);
    const lists = viewIndexLists(form, view);
    expect(lists).toEqual([["region", "amount"]]);
    expect((await indexStates(db, form, lists))[0]?.status).toBe("pending");

    await buildRequestedIndexes(db, form.id, { concurrently });
    const [state] = await indexStates(db, form, lists);
    expect(state).toMatchObject({ status: "ready", columns: ["region", "amount"] });
    const defs = await indexDefs(db, form.tableName);
    const built = defs.filter((d) => d.indexname === state?.name);
    expect(built).toHaveLength(1);
    expect(built[0]?.indexdef).toContain("(f_region, f_amount) WHERE (deleted_at IS NULL)");

    // The published form now knows the index (a new storage revision): counts on its fields are exact.
    const reloaded = (await loadPublishedForm(db, form.id)) as PublishedForm;
    expect(reloaded.indexes).toEqual([["region", "amount"]]);
    const revision = await db
      .selectFrom("forms")
      .select("storage_revision")
      .where("id", "=", form.id)
      .executeTakeFirst();
    expect(revision?.storage_revision).toBe(1);

    // Saving the same view again (or another needing the same index) builds nothing new.
    await insertView(db, form, userId, { ...view, name: "Same again" });
    await buildRequestedIndexes(db, form.id, { concurrently });
    expect((await indexDefs(db, form.tableName)).length).toBe(defs.length);

    // A later publish keeps the view's index.
    await publishForm(db, { formId: form.id, definition, previousDefinition: definition });
    expect((await indexDefs(db, form.tableName)).some((d) => d.indexname === state?.name)).toBe(true);
  });

  it("records a failed build with its error, retries it, and builds it once the cause is gone", async () => {
    const lists = [["status", "$createdAt"]];
    await requestIndexes(db, form, lists);
    // Something in the way: a table (not an index) already holds the index's name.
    const [pending] = await indexStates(db, form, lists);
    await sql.raw(`CREATE TABLE "${pending?.name}" (x int)`).execute(db);
    await buildRequestedIndexes(db, form.id, { concurrently });
    const [failed] = await indexStates(db, form, lists);
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toBeTruthy();

    await sql.raw(`DROP TABLE "${pending?.name}"`).execute(db);
    await buildRequestedIndexes(db, form.id, { concurrently });
    expect((await indexStates(db, form, lists))[0]).toEqual({ ...pending, status: "ready" });
  });

  it("releases an index once no view needs it, and drops it after the commit", async () => {
    const byStatus = {
      ...view,
      name: "By status",
      filter: { "==": [{ var: "status" }, "won"] },
      sort: [{ field: "$updatedAt", direction: "desc" as const }],
    };
    const first = await insertView(db, form, userId, byStatus);
    const second = await insertView(db, form, userId, { ...byStatus, name: "By status, again" });
    await buildRequestedIndexes(db, form.id, { concurrently });
    const lists = viewIndexLists(form, byStatus);
    expect(lists).toEqual([["status", "$updatedAt"]]);
    const [state] = await indexStates(db, form, lists);
    expect(state?.status).toBe("ready");
    const present = async () =>
      (await indexDefs(db, form.tableName)).some((d) => d.indexname === state?.name);

    // Another view still needs it: it stays. (The index the previous test asked for without a view goes.)
    const released = await deleteView(db, form, first.id);
    expect(released).not.toContain(state?.name);
    await dropReleasedIndexes(db, form.id, released, { concurrently });
    expect(await present()).toBe(true);

    // Changing the last one's filter releases it; the published version stops listing it.
    const changed = await updateView(db, form, second.id, { ...byStatus, filter: null, sort: [] });
    expect(changed.released).toEqual([state?.name]);
    expect((await indexStates(db, form, lists))[0]?.status).toBe("skipped");
    const reloaded = (await loadPublishedForm(db, form.id)) as PublishedForm;
    expect(reloaded.indexes).not.toContainEqual(["status", "$updatedAt"]);
    await dropReleasedIndexes(db, form.id, changed.released, { concurrently });
    expect(await present()).toBe(false);
    expect(await deleteView(db, form, second.id)).toEqual([]);
  });

  it(`caps view indexes at ${MAX_VIEW_INDEXES} per form; the rest are reported as skipped`, async () => {
    // Distinct two-column lists over the form's and system names: more than the cap allows.
    const names = ["region", "status", "amount", "$createdAt", "$updatedAt", "$version"];
    const many = names.flatMap((a) => names.filter((b) => b !== a).map((b) => [a, b]));
    expect(many.length).toBeGreaterThan(MAX_VIEW_INDEXES);
    await requestIndexes(db, form, [...many, ["$flowStatus", "$ownerId"]]);
    const states = await indexStates(db, form, [["$flowStatus", "$ownerId"]]);
    expect(states[0]?.status).toBe("skipped");
    expect(
      (await db.selectFrom("form_indexes").select("name").where("form_id", "=", form.id).execute()).length,
    ).toBe(MAX_VIEW_INDEXES);
  });
});
