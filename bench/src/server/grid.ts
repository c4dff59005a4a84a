// Benchmark 2: one grid page (two indexed filters, a sort, 50 rows and the exact count) over a large
// form table — through HTTP, through queryRecords of @formwork/db, and as the same hand-written SQL.
import { filterScopeFor, type PublishedForm, queryRecords } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import type { Kysely } from "kysely";
import { REGIONS } from "./bench-form";
import type { Session } from "./setup-client";
import { type LatencySummary, summarize } from "./stats";

/** Runs one SQL statement with positional parameters; returns its rows. */
export type SqlRunner = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const PAGE = 50;
const WARMUP = 10;
const SYSTEM = [
  "id",
  "version",
  "created_by",
  "owner_id",
  "flow_status",
  "created_at",
  "updated_at",
  "deleted_at",
];
const FIELDS = ["title", "customer", "email", "phone", "region", "status", "amount", "qty", "price", "total"]
  .concat(["ordered", "due", "notes", "tags", "rating", "priority", "city", "zip", "discount", "channel"])
  .map((f) => `f_${f}`);

/**
 * Fills the form's own table with `rows` generated records in one INSERT ... SELECT. Its secondary
 * indexes (the ones publishing created) are dropped first and rebuilt after from their own definitions,
 * which is how a bulk load is done; the table then holds exactly the product's layout.
 */
export async function loadGridRows(
  run: SqlRunner,
  table: string,
  rows: number,
  actorId: string,
): Promise<void> {
  const indexes = await run(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%'",
    [table],
  );
  for (const index of indexes) await run(`DROP INDEX "${String(index.indexname)}"`);
  const regions = `ARRAY[${REGIONS.map((r) => `'${r}'`).join(",")}]`;
  await run(
    `INSERT INTO "${table}" (id, created_by, owner_id, created_at, updated_at, ${FIELDS.join(", ")})
     SELECT gen_random_uuid(), $1::uuid, $1::uuid, now() - g * interval '1 second', now() - g * interval '1 second',
       'Order ' || g, 'Customer ' || (g % 997), 'buyer' || (g % 991) || '@example.com', '+8610' || (10000000 + g % 89999999),
       (${regions})[1 + g % 10], (ARRAY['new','open','won','lost'])[1 + (g / 2) % 4],
       (g * 37) % 10000, 1 + g % 9, 9.5 + g % 50, (1 + g % 9) * (9.5 + g % 50),
       date '2026-03-01' + (g % 28), timestamptz '2026-04-01 08:30Z' + (g % 28) * interval '1 day',
       'Deliver to the loading dock; call ahead.', ARRAY['vip', 'gov'], 1 + g % 5,
       (ARRAY['low','normal','high','urgent'])[1 + (g / 4) % 4], 'City ' || (g % 300), (100000 + g % 899999)::text,
       (g % 30) / 100.0, (ARRAY['web','phone','email','store'])[1 + (g / 8) % 4]
     FROM generate_series(1, ${Math.trunc(rows)}) AS g`,
    [actorId],
  );
  for (const index of indexes) await run(String(index.indexdef));
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  await run(`VACUUM ANALYZE "${table}"`);
}

interface Variant {
  region: string;
  low: number;
  high: number;
}

/** Ten filter variants, each ~0.1% of the rows (one region in ten, one amount band in a hundred). */
const VARIANTS: Variant[] = REGIONS.map((region, k) => {
  const low = ((k * 37) % 100) * 100;
  return { region, low, high: low + 100 };
});

const filterOf = (v: Variant) => ({
  and: [
    { "==": [{ var: "region" }, v.region] },
    { ">=": [{ var: "amount" }, v.low] },
    { "<": [{ var: "amount" }, v.high] },
  ],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Saves the grid's view through the real API, as a user would (the first variant's filter and the
 * sort), then waits until the indexes it asked for are built; the other variants differ only in their
 * constants, so the same indexes serve them. Returns the index lists, for the hand-written baseline.
 */
export async function saveGridView(
  session: Session,
  formId: string,
  timeoutMs = 30 * 60_000,
): Promise<string[][]> {
  const saved = await session.call({
    method: "POST",
    path: `/api/forms/${formId}/views`,
    body: JSON.stringify({
      name: "Region and amount band",
      shared: true,
      filter: filterOf(VARIANTS[0] as Variant),
      sort: [{ field: "amount", direction: "desc" }],
      pageSize: PAGE,
    }),
  });
  if (saved.status !== 201) throw new Error(`save view: ${saved.status} ${saved.body.slice(0, 300)}`);
  const id = (JSON.parse(saved.body) as { id: string }).id;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = await session.call({ method: "GET", path: `/api/views/${id}` });
    const view = JSON.parse(read.body) as {
      indexes: { columns: string[]; status: string; error?: string }[];
    };
    const open = view.indexes.filter((index) => index.status !== "ready");
    if (open.length === 0) return view.indexes.map((index) => index.columns);
    const stuck = open.find((index) => index.status === "failed" || index.status === "skipped");
    if (stuck) throw new Error(`view index ${stuck.columns.join(",")}: ${stuck.status} ${stuck.error ?? ""}`);
    if (Date.now() > deadline) throw new Error("view indexes not built in time");
    await sleep(500);
  }
}

interface Page {
  ids: string[];
  count: number;
}

export interface GridPaths {
  /** Absent when the run has no HTTP server for this database. */
  http?: { session: Session; formId: string };
  db: Kysely<never>;
  form: PublishedForm;
  run: SqlRunner;
  table: string;
  timeZone: string;
}

function viaHttp(http: NonNullable<GridPaths["http"]>): (v: Variant) => Promise<Page> {
  return async (v) => {
    const query = new URLSearchParams({
      filter: JSON.stringify(filterOf(v)),
      sort: "-amount",
      limit: String(PAGE),
    });
    const response = await http.session.call({
      method: "GET",
      path: `/api/forms/${http.formId}/records?${query}`,
    });
    if (response.status !== 200)
      throw new Error(`grid page: ${response.status} ${response.body.slice(0, 300)}`);
    const page = JSON.parse(response.body) as { records: { id: string }[]; count: { value: number } };
    return { ids: page.records.map((r) => r.id), count: page.count.value };
  };
}

function viaDb(paths: GridPaths): (v: Variant) => Promise<Page> {
  return async (v) => {
    const scope = filterScopeFor(paths.form, { now: new Date(), timeZone: paths.timeZone });
    const compiled = compileFilter(filterOf(v), scope);
    if (!compiled.ok) throw new Error(`filter: ${JSON.stringify(compiled.errors)}`);
    // biome-ignore lint/suspicious/noExplicitAny: queryRecords takes the db typed with the system tables.
    const page = await queryRecords(paths.db as any, paths.form, {
      filter: compiled.expr,
      filterFields: ["region", "amount"],
      sort: [{ field: "amount", direction: "desc" }],
      limit: PAGE,
    });
    return { ids: page.records.map((r) => r.id), count: page.count.value };
  };
}

function viaHandSql(paths: GridPaths): (v: Variant) => Promise<Page> {
  const where = `deleted_at IS NULL AND f_region = $1 AND f_amount >= $2 AND f_amount < $3`;
  const pageSql = `SELECT ${[...SYSTEM, ...FIELDS].join(", ")} FROM "${paths.table}" WHERE ${where}
    ORDER BY f_amount DESC, id DESC LIMIT ${PAGE}`;
  const countSql = `SELECT count(*)::int AS n FROM "${paths.table}" WHERE ${where}`;
  return async (v) => {
    const params = [v.region, v.low, v.high];
    const [rows, count] = await Promise.all([paths.run(pageSql, params), paths.run(countSql, params)]);
    return { ids: rows.map((r) => String(r.id)), count: Number(count[0]?.n) };
  };
}

export interface GridResult {
  name: string;
  latency: LatencySummary;
}

/**
 * Checks that every path returns the same page and count for every variant, then times `iterations`
 * pages per path, interleaved and in rotating order so caches and noise treat them alike.
 */
export async function compareGridPages(paths: GridPaths, iterations: number): Promise<GridResult[]> {
  const named: [string, (v: Variant) => Promise<Page>][] = [
    ...(paths.http
      ? [["ours: HTTP GET records", viaHttp(paths.http)] as [string, (v: Variant) => Promise<Page>]]
      : []),
    ["ours: db queryRecords", viaDb(paths)],
    ["baseline: hand-written SQL (same driver)", viaHandSql(paths)],
  ];
  for (const variant of VARIANTS) {
    const pages = await Promise.all(named.map(([, query]) => query(variant)));
    const reference = JSON.stringify(pages[0]);
    pages.forEach((page, i) => {
      if (JSON.stringify(page) !== reference) {
        throw new Error(`${named[i]?.[0]} disagrees with ${named[0]?.[0]} on ${JSON.stringify(variant)}`);
      }
    });
    if ((pages[0]?.count ?? 0) < PAGE)
      throw new Error(`variant ${JSON.stringify(variant)} matches too few rows`);
  }
  const samples = named.map(() => [] as number[]);
  // The first WARMUP rounds only warm plans, caches and JIT; they are not recorded.
  for (let i = -WARMUP; i < iterations; i++) {
    const variant = VARIANTS[(i + WARMUP) % VARIANTS.length] as Variant;
    for (let j = 0; j < named.length; j++) {
      const index = (i + j) % named.length;
      const started = performance.now();
      await named[index]?.[1](variant);
      if (i >= 0) samples[index]?.push(performance.now() - started);
    }
  }
  return named.map(([name], i) => ({ name, latency: summarize(samples[i] ?? []) }));
}
