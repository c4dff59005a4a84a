import type { FormDefinition } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "../../test/fixtures";
import { loadPublishedForm } from "../storage/load";
import { publishForm } from "../storage/publish";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { type AggregateQuery, aggregateRecords } from "./aggregate";
import { requestRollups } from "./rollups";
import { deleteRecord, insertRecords, restoreRecord, updateRecord } from "./write";

const ctx = { actorId: "01900000-0000-7000-8000-0000000000aa" };
const zone = "Asia/Shanghai";

const sales: FormDefinition = {
  key: "sales",
  name: "Sales",
  fields: [
    { id: "region", type: "text", label: "Region" },
    { id: "channel", type: "text", label: "Channel" },
    { id: "amount", type: "number", label: "Amount" },
    { id: "due", type: "date", label: "Due" },
  ],
};

const queries: AggregateQuery[] = [
  {
    groupBy: [{ field: "region" }],
    measures: [{ op: "count" }, { op: "sum", field: "amount" }],
    timeZone: zone,
  },
  {
    groupBy: [{ field: "region" }, { field: "channel" }],
    measures: [
      { op: "avg", field: "amount" },
      { op: "count", field: "amount" },
    ],
    totals: true,
    timeZone: zone,
  },
  { groupBy: [], measures: [{ op: "sum", field: "amount" }, { op: "count" }], timeZone: zone },
  { groupBy: [{ field: "$createdAt", bucket: "month" }], measures: [{ op: "count" }], timeZone: zone },
  { groupBy: [{ field: "due", bucket: "week" }], measures: [{ op: "sum", field: "amount" }], timeZone: zone },
  {
    groupBy: [{ field: "channel" }],
    measures: [{ op: "sum", field: "amount" }],
    compare: { field: "due", from: "2026-03-05", to: "2026-03-09" },
    sort: [{ by: "m0", direction: "desc" }],
    limit: 2,
    timeZone: zone,
  },
];

describe.each(testDatabases())("rollups on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let form: PublishedForm;
  beforeAll(async () => {
    ({ db, close } = await create());
    form = await publishNew(db, sales);
  });
  afterAll(() => close());

  const regions = ["north", "south", null];
  const channels = ["web", "shop", "phone"];
  const rows = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      data: {
        region: regions[(i + offset) % 3],
        channel: channels[(i * 7 + offset) % 3],
        amount: i % 5 === 0 ? null : ((i * 37 + offset) % 1000) / 4,
        due: `2026-03-${String(1 + ((i + offset) % 20)).padStart(2, "0")}`,
      },
    }));

  async function compare(names: string[]) {
    const dims = await sql<{ name: string; dims: unknown }>`SELECT name, dims FROM form_rollups`.execute(db);
    const fromRollups = [];
    for (const q of queries) fromRollups.push(await aggregateRecords(db, form, q));
    await sql`DELETE FROM form_rollups`.execute(db);
    const scanned = [];
    for (const q of queries) scanned.push(await aggregateRecords(db, form, q));
    for (const r of dims.rows) {
      await sql`INSERT INTO form_rollups (form_id, name, dims) VALUES (${form.id}, ${r.name}, ${JSON.stringify(r.dims)}::jsonb)`.execute(
        db,
      );
    }
    expect(names.length).toBeGreaterThan(0);
    expect(fromRollups).toEqual(scanned);
  }

  it("answers exactly what a scan answers, through inserts, updates, deletes and restores", async () => {
    await insertRecords(db, form, rows(60, 0), ctx);
    const names = await requestRollups(db, form, [
      [{ column: "f_region" }, { column: "f_channel" }],
      [{ column: "f_due" }, { column: "f_channel" }],
      [{ column: "created_at", zone }],
    ]);
    expect(names).toHaveLength(3);
    // The rollup is small: one row per group, not per record.
    const { rows: counted } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(names[0]!)}`.execute(db);
    expect(counted[0]!.n).toBeLessThanOrEqual(9);
    await compare(names);

    const more = await insertRecords(db, form, rows(25, 1), ctx, { returning: "refs" });
    const first = more[0]!.id;
    await updateRecord(db, form, first, { data: { region: "east", amount: 999.25 } }, ctx);
    await deleteRecord(db, form, more[1]!.id, ctx);
    await deleteRecord(db, form, more[2]!.id, ctx);
    await restoreRecord(db, form, more[2]!.id, ctx);
    await compare(names);
  });

  it("spreads one group's concurrent writers over stripes that reads sum exactly", async () => {
    const names = await requestRollups(db, form, [[{ column: "f_region" }, { column: "f_channel" }]]);
    const one = { region: "west", channel: "web", due: "2026-03-02" };
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => insertRecords(db, form, [{ data: { ...one, amount: i } }], ctx)),
    );
    const { rows: stripes } = await sql<{ n: number; records: number }>`
      SELECT count(*)::int AS n, sum(__n)::int AS records FROM ${sql.table(names[0]!)}
      WHERE f_region = 'west'`.execute(db);
    expect(stripes[0]!.records).toBe(12);
    expect(stripes[0]!.n).toBeGreaterThanOrEqual(1);
    expect(stripes[0]!.n).toBeLessThanOrEqual(16);
    await compare(names);
  });

  it("is rebuilt when the form is published again, and forgotten when its column goes", async () => {
    const names = await requestRollups(db, form, [[{ column: "f_region" }]]);
    const without: FormDefinition = { ...sales, fields: sales.fields.filter((f) => f.id !== "channel") };
    await publishForm(db, { formId: form.id, definition: without, previousDefinition: sales });
    form = (await loadPublishedForm(db, form.id))!;
    const left = await sql<{ name: string }>`SELECT name FROM form_rollups ORDER BY name`.execute(db);
    expect(left.rows.map((r) => r.name)).toEqual(expect.arrayContaining([names[0]]));
    expect(left.rows.length).toBe(2); // region alone, and created_at by day
    await insertRecords(
      db,
      form,
      rows(7, 2).map(({ data: { channel: _, ...data } }) => ({ data })),
      ctx,
    );
    const q: AggregateQuery = { groupBy: [{ field: "region" }], measures: [{ op: "count" }], timeZone: zone };
    // A filter that keeps everything makes the aggregation scan the records.
    expect(await aggregateRecords(db, form, q)).toEqual(
      await aggregateRecords(db, form, { ...q, filter: sql<boolean>`true` }),
    );
  });

  it("leaves filtered, distinct, min and max queries to the records", async () => {
    const [name] = await requestRollups(db, form, [[{ column: "f_region" }]]);
    // A poisoned rollup shows whether it was read.
    await sql`UPDATE ${sql.table(name!)} SET __n = __n + 1000`.execute(db);
    const count = await aggregateRecords(db, form, {
      groupBy: [{ field: "region" }],
      measures: [{ op: "count" }],
      timeZone: zone,
    });
    expect(count.rows.some((r) => (r.m0 as number) > 1000)).toBe(true);
    for (const m of [
      { op: "distinct", field: "amount" },
      { op: "max", field: "amount" },
    ] as const) {
      const r = await aggregateRecords(db, form, {
        groupBy: [{ field: "region" }],
        measures: [{ op: "count" }, m],
        timeZone: zone,
      });
      expect(r.rows.every((row) => (row.m0 as number) < 1000)).toBe(true);
    }
    const filtered = await aggregateRecords(db, form, {
      groupBy: [{ field: "region" }],
      measures: [{ op: "count" }],
      filter: sql`true`,
      timeZone: zone,
    });
    expect(filtered.rows.every((row) => (row.m0 as number) < 1000)).toBe(true);
  });
});
