import { type FormDefinition, FormworkError } from "@formwork/schema";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, publishNew, quotes } from "../../test/fixtures";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { getRecord } from "./read";
import { listRevisions } from "./revisions";
import { deleteRecord, insertRecord, insertRecords, purgeRecord, restoreRecord, updateRecord } from "./write";

const actor = "01900000-0000-7000-8000-0000000000aa";
const ctx = { actorId: actor };

describe.each(testDatabases())("records on $name", ({ name, create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let form: PublishedForm;
  beforeAll(async () => {
    ({ db, close } = await create());
    form = await publishNew(db, quotes);
  });
  afterAll(() => close());

  it("inserts, reads and updates with optimistic versions", async () => {
    const created = await insertRecord(
      db,
      form,
      { data: { title: "First", code: "C-1", amount: 10, items: [{ product: "pen", qty: 2 }] } },
      ctx,
    );
    expect(created).toMatchObject({ version: 1, createdBy: actor, ownerId: actor, flowStatus: null });
    expect(created.data).toMatchObject({ title: "First", code: "C-1", amount: 10, due: null });
    expect(created.data.no).toMatch(/^QT-\d{4}$/);
    expect(created.data.items).toEqual([{ id: expect.any(String), product: "pen", qty: 2 }]);
    expect(await getRecord(db, form, created.id)).toEqual(created);

    const items = created.data.items as { id: string }[];
    const updated = await updateRecord(
      db,
      form,
      created.id,
      {
        data: {
          amount: 12.5,
          no: "forged",
          items: [
            { ...items[0], qty: 3 },
            { product: "ink", qty: 1 },
          ],
        },
        expectedVersion: 1,
      },
      ctx,
    );
    expect(updated.version).toBe(2);
    expect(updated.data.amount).toBe(12.5);
    expect(updated.data.no).toBe(created.data.no);
    const rows = updated.data.items as { id: string; product: string; qty: number }[];
    expect(rows.map((r) => [r.product, r.qty])).toEqual([
      ["pen", 3],
      ["ink", 1],
    ]);
    expect(rows[0]?.id).toBe(items[0]?.id);

    const stale = await failure(
      updateRecord(db, form, created.id, { data: { amount: 1 }, expectedVersion: 1 }, ctx),
    );
    expect(stale.code).toBe("VERSION_CONFLICT");
    expect(stale.status).toBe(412);
    expect((await getRecord(db, form, created.id))?.data.amount).toBe(12.5);

    const missing = await failure(
      updateRecord(db, form, "01900000-0000-7000-8000-000000000000", { data: {} }, ctx),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect((await failure(updateRecord(db, form, "not-an-id", { data: {} }, ctx))).code).toBe("NOT_FOUND");
    const unknown = await failure(updateRecord(db, form, created.id, { data: { nope: 1 } }, ctx));
    expect(unknown.code).toBe("UNKNOWN_FIELD");
    expect(unknown.details[0]?.path).toBe("/nope");
  });

  it("keeps a field-level history", async () => {
    const created = await insertRecord(db, form, { data: { title: "H", amount: 1 } }, ctx);
    await updateRecord(db, form, created.id, { data: { title: "H2", amount: 1 }, expectedVersion: 1 }, ctx);
    await deleteRecord(db, form, created.id, ctx);
    await restoreRecord(db, form, created.id, ctx);
    const history = await listRevisions(db, form, created.id);
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [1, "create"],
      [2, "update"],
      [3, "delete"],
      [4, "restore"],
    ]);
    expect(history[0]?.diff).toEqual({
      no: { from: null, to: created.data.no },
      title: { from: null, to: "H" },
      amount: { from: null, to: 1 },
      items: { from: null, to: [] },
    });
    expect(history[1]?.diff).toEqual({ title: { from: "H", to: "H2" } });
    expect(history[1]?.actor).toBe(actor);
  });

  it("moves records through the recycle bin", async () => {
    const created = await insertRecord(db, form, { data: { code: "BIN" } }, ctx);
    expect((await failure(purgeRecord(db, form, created.id))).code).toBe("CONFLICT");
    const stale = await failure(deleteRecord(db, form, created.id, ctx, { expectedVersion: 7 }));
    expect(stale.code).toBe("VERSION_CONFLICT");
    const deleted = await deleteRecord(db, form, created.id, ctx, { expectedVersion: 1 });
    expect(deleted.deletedAt).toBeDefined();
    expect(await getRecord(db, form, created.id)).toBeNull();
    expect((await getRecord(db, form, created.id, { deleted: "only" }))?.version).toBe(2);
    expect((await failure(deleteRecord(db, form, created.id, ctx))).code).toBe("NOT_FOUND");

    // Its unique value is free while it is in the bin; restoring then collides.
    const taker = await insertRecord(db, form, { data: { code: "BIN" } }, ctx);
    const collision = await failure(restoreRecord(db, form, created.id, ctx));
    expect(collision.code).toBe("UNIQUE_VIOLATION");
    expect(collision.details[0]?.path).toBe("/code");
    await deleteRecord(db, form, taker.id, ctx);
    expect((await restoreRecord(db, form, created.id, ctx)).deletedAt).toBeUndefined();

    await deleteRecord(db, form, created.id, ctx);
    await purgeRecord(db, form, created.id);
    expect(await getRecord(db, form, created.id, { deleted: "include" })).toBeNull();
    expect(await listRevisions(db, form, created.id)).toEqual([]);
    expect((await failure(purgeRecord(db, form, created.id))).code).toBe("NOT_FOUND");
  });

  it("inserts a batch in one go, all or nothing", async () => {
    const inputs = Array.from({ length: 1500 }, (_, i) => ({
      data: {
        title: `batch ${i}`,
        code: `B-${i}`,
        amount: i,
        items: i % 500 === 0 ? [{ product: "x", qty: i }] : null,
      },
    }));
    const records = await insertRecords(db, form, inputs, ctx);
    expect(records).toHaveLength(1500);
    expect(records.map((r) => r.data.code)).toEqual(inputs.map((input) => input.data.code));
    expect(new Set(records.map((r) => r.data.no)).size).toBe(1500);
    expect(records[500]?.data.items).toEqual([{ id: expect.any(String), product: "x", qty: 500 }]);

    const clash = await failure(
      insertRecords(db, form, [{ data: { code: "fresh-1" } }, { data: { code: "B-7" } }], ctx),
    );
    expect(clash.code).toBe("UNIQUE_VIOLATION");
    expect(clash.details[0]?.path).toBe("/code");
    const fresh = await db
      .selectFrom(form.tableName as never)
      .select("id" as never)
      .where("f_code" as never, "=", "fresh-1" as never)
      .execute();
    expect(fresh).toEqual([]);
  });

  it("lets exactly one of 50 concurrent creates have a unique value", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () => insertRecord(db, form, { data: { code: "RACE" } }, ctx)),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(FormworkError);
      expect(failure.reason.code).toBe("UNIQUE_VIOLATION");
      expect(failure.reason.details[0]?.path).toBe("/code");
    }
  });

  it("gives 100 concurrent creates 100 distinct serial numbers", async () => {
    const serialForm: FormDefinition = {
      key: `serials_${name}`,
      name: "Serials",
      fields: [
        {
          id: "no",
          type: "serial",
          label: "No",
          pattern: [{ text: "S" }, { date: "yyyy" }, { counter: 5, reset: "yearly", start: 100 }],
        },
      ],
    };
    const published = await publishNew(db, serialForm);
    const now = new Date("2026-06-01T00:00:00Z");
    const records = await Promise.all(
      Array.from({ length: 100 }, () => insertRecord(db, published, { data: {} }, { actorId: null, now })),
    );
    const numbers = records.map((r) => r.data.no as string).sort();
    expect(new Set(numbers).size).toBe(100);
    expect(numbers[0]).toBe("S202600100");
    expect(numbers[99]).toBe("S202600199");
    // A new period starts again from `start`.
    const next = await insertRecord(
      db,
      published,
      { data: {} },
      { actorId: null, now: new Date("2027-01-02T00:00:00Z") },
    );
    expect(next.data.no).toBe("S202700100");
  });
});
