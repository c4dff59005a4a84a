// Test-only: a small form table, its filter scope, random rows and random valid filters, and an
// in-memory reference evaluation of the filter dialect written independently of the compiler (plain
// JavaScript comparisons, Asia/Shanghai = UTC+8 all year, relative dates written out by hand).
import fc from "fast-check";
import type { TestDatabase } from "./test-db";
import type { FilterScope } from "./types";

export const NOW = new Date("2026-11-27T18:00:00Z"); // Saturday 2026-11-28 02:00 in Shanghai
export const TIME_ZONE = "Asia/Shanghai";
export const OWNER_A = "0190a0b0-0000-7000-8000-00000000000a";
export const OWNER_B = "0190a0b0-0000-7000-8000-00000000000b";

export const TABLE_DDL = `create table t (
  id integer primary key,
  f_name text,
  f_amount numeric,
  f_qty integer,
  f_day date,
  f_at timestamptz,
  f_tags text[],
  f_done boolean,
  f_owner uuid,
  f_meta jsonb
);
create table t_items (
  id serial primary key,
  parent_id integer not null references t (id) on delete cascade,
  f_price numeric,
  f_product text
)`;

export const SCOPE: FilterScope = {
  now: NOW,
  timeZone: TIME_ZONE,
  table: "t",
  params: { "$user.id": OWNER_A, "$user.tags": ["a", "客户"] },
  fields: {
    name: { column: "f_name", valueType: "text" },
    amount: { column: "f_amount", valueType: "number" },
    qty: { column: "f_qty", valueType: "number" },
    day: { column: "f_day", valueType: "date" },
    at: { column: "f_at", valueType: "datetime" },
    tags: { column: "f_tags", valueType: "textArray" },
    done: { column: "f_done", valueType: "boolean" },
    owner: { column: "f_owner", valueType: "id" },
    meta: { column: "f_meta", valueType: "json" },
  },
  subforms: {
    items: {
      table: "t_items",
      fields: {
        price: { column: "f_price", valueType: "number" },
        product: { column: "f_product", valueType: "text" },
      },
    },
  },
};

/** A jsonb cell: SQL NULL is `undefined`, JSON null is `null`. */
export interface Row {
  id: number;
  name: string | null;
  amount: number | null;
  qty: number | null;
  day: string | null;
  at: string | null;
  tags: string[] | null;
  done: boolean | null;
  owner: string | null;
  meta: unknown;
  items: Item[];
}

export interface Item {
  price: number | null;
  product: string | null;
}

export async function insertRows(db: TestDatabase, rows: readonly Row[]): Promise<void> {
  await db.exec("delete from t_items; delete from t");
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = [row.id, row.name, row.amount, row.qty, row.day, row.at, row.tags, row.done, row.owner];
    const meta = row.meta === undefined ? null : JSON.stringify(row.meta);
    const first = params.length + 1;
    params.push(...values, meta);
    const placeholders = values.map((_, i) => `$${first + i}`);
    return `(${placeholders.join(", ")}, $${first + values.length}::jsonb)`;
  });
  await db.query(`insert into t values ${tuples.join(", ")}`, params);
  const items = rows.flatMap((row) => row.items.map((item) => [row.id, item.price, item.product]));
  if (items.length === 0) return;
  const placeholders = items.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`);
  await db.query(
    `insert into t_items (parent_id, f_price, f_product) values ${placeholders.join(", ")}`,
    items.flat(),
  );
}

export const NAMES = [null, "", "Alpha", "alpha beta", "重要客户A", "客户", "100%_off", "a_b", "x\\y"];
export const AMOUNTS = [null, 0, 1.5, -3, 100, 42];
export const QTYS = [null, 0, 1, 7];
export const DAYS = [
  null,
  "2026-11-21",
  "2026-11-28",
  "2026-11-01",
  "2026-11-30",
  "2026-12-31",
  "2025-01-01",
];
export const INSTANTS = [
  null,
  "2026-11-27T16:00:00.000Z", // 2026-11-28 00:00 Shanghai
  "2026-11-27T15:59:59.000Z", // 2026-11-27 23:59:59 Shanghai
  "2026-11-28T15:59:59.999Z", // last millisecond of 2026-11-28 Shanghai
  "2026-11-30T15:59:00.000Z", // 2026-11-30 23:59 Shanghai
  "2026-10-31T16:00:00.000Z", // 2026-11-01 00:00 Shanghai
];
export const TAGS = [null, [], ["a"], ["a", "b"], ["b", "客户"]];
export const METAS = [undefined, null, {}, [], { a: 1 }, ""];

export const rowArbitrary = (id: number) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom(...NAMES),
    amount: fc.constantFrom(...AMOUNTS),
    qty: fc.constantFrom(...QTYS),
    day: fc.constantFrom(...DAYS),
    at: fc.constantFrom(...INSTANTS),
    tags: fc.constantFrom(...TAGS),
    done: fc.constantFrom(null, true, false),
    owner: fc.constantFrom(null, OWNER_A, OWNER_B),
    meta: fc.constantFrom(...METAS),
    items: fc.array(
      fc.record({
        price: fc.constantFrom(null, 0, 9.5, 100),
        product: fc.constantFrom(null, "重要客户A", "b"),
      }),
      { maxLength: 3 },
    ),
  });

export const rowsArbitrary = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArbitrary(i + 1))));

/** Relative dates with their meaning at NOW in Shanghai, worked out by hand. */
export const RELATIVE_DATES: [unknown, string][] = [
  [{ today: [] }, "2026-11-28"],
  [{ today: [-7] }, "2026-11-21"],
  [{ today: 2 }, "2026-11-30"],
  [{ startOf: ["week"] }, "2026-11-23"],
  [{ endOf: ["week"] }, "2026-11-29"],
  [{ startOf: ["month"] }, "2026-11-01"],
  [{ endOf: ["month"] }, "2026-11-30"],
  [{ startOf: ["quarter", -1] }, "2026-07-01"],
  [{ endOf: ["year"] }, "2026-12-31"],
];

const v = (name: string) => ({ var: name });
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const nonNull = <T>(values: readonly (T | null)[]) => values.filter((x): x is T => x !== null);
const comparisons = ["==", "!=", "<", "<=", ">", ">="] as const;

/** A comparison written with the field on the left or (mirrored) on the right. */
function sided(op: string, field: string, value: fc.Arbitrary<unknown>) {
  return fc.tuple(value, fc.boolean()).map(([x, left]) => ({ [op]: left ? [v(field), x] : [x, v(field)] }));
}

const relativeDate = pick(RELATIVE_DATES.map(([node]) => node));
const dayValue = fc.oneof(pick(nonNull(DAYS)), relativeDate);
const atValue = fc.oneof(pick(nonNull(INSTANTS)), pick(["2026-11-28T00:00:00+08:00"]), dayValue);
const substrings = ["客户", "alpha", "ALPHA", "%", "_", "\\", "", "a", "b_"];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .constantFrom(...comparisons.slice(0, 2))
    .chain((op) =>
      fc.oneof(
        sided(op, "name", pick([...nonNull(NAMES), null])),
        sided(op, "done", pick([true, false, null])),
        sided(op, "owner", pick([OWNER_A, OWNER_B, null, { var: "$user.id" }])),
      ),
    ),
  fc
    .constantFrom(...comparisons)
    .chain((op) =>
      fc.oneof(
        sided(op, "amount", pick(nonNull(AMOUNTS))),
        sided(op, "qty", pick([0, 1, 0.5, 7, "1.25"])),
        sided(op, "day", dayValue),
        sided(op, "at", atValue),
      ),
    ),
  fc.constantFrom("==", "!=").chain((op) => sided(op, "amount", pick([null, 0, 42]))),
  fc.tuple(pick(["<", "<="]), pick(["amount", "day", "at"]), fc.boolean()).chain(([op, field, named]) => {
    const value = field === "amount" ? pick(nonNull(AMOUNTS)) : field === "day" ? dayValue : atValue;
    return fc
      .tuple(value, value)
      .map(([a, b]) => (named && op === "<=" ? { between: [v(field), a, b] } : { [op]: [a, v(field), b] }));
  }),
  fc.tuple(pick(["in", "notIn"]), pick(["name", "amount", "day", "owner"])).chain(([op, field]) => {
    const pool: unknown[] =
      field === "name"
        ? NAMES
        : field === "amount"
          ? AMOUNTS
          : field === "day"
            ? DAYS
            : [OWNER_A, OWNER_B, null];
    return fc.subarray(pool).map((list) => ({ [op]: [v(field), list] }));
  }),
  pick(substrings).map((s) => ({ in: [s, v("name")] })),
  pick(["a", "b", "客户", "z"]).map((s) => ({ in: [s, v("tags")] })),
  fc
    .tuple(pick(["contains", "notContains", "startsWith"]), pick(substrings))
    .map(([op, s]) => ({ [op]: [v("name"), s] })),
  fc
    .tuple(pick(["contains", "notContains"]), pick(["a", "客户"]))
    .map(([op, s]) => ({ [op]: [v("tags"), s] })),
  fc
    .tuple(pick(["empty", "notEmpty"]), pick(Object.keys(SCOPE.fields)))
    .map(([op, field]) => ({ [op]: [v(field)] })),
  fc
    .tuple(
      pick(["hasAny", "hasAll", "hasNone"]),
      fc.oneof(fc.subarray(["a", "b", "客户", "z"]), pick([{ var: "$user.tags" }])),
    )
    .map(([op, list]) => ({ [op]: [v("tags"), list] })),
  fc.constant(v("done")),
  fc.constant(true),
);

const itemLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...comparisons).chain((op) => sided(op, "price", pick([0, 9.5, 50]))),
  fc.constantFrom("==", "!=").chain((op) => sided(op, "price", pick([null]))),
  fc.constantFrom("==", "!=").chain((op) => sided(op, "product", pick(["b", "重要客户A", null]))),
  pick(["客户", "B"]).map((s) => ({ contains: [v("product"), s] })),
  fc
    .tuple(pick(["empty", "notEmpty"]), pick(["price", "product"]))
    .map(([op, field]) => ({ [op]: [v(field)] })),
  fc.constant(true),
);
const itemFilter: fc.Arbitrary<unknown> = fc.oneof(
  itemLeaf,
  fc.tuple(pick(["and", "or"]), fc.array(itemLeaf, { maxLength: 2 })).map(([op, parts]) => ({ [op]: parts })),
  itemLeaf.map((part) => ({ "!": part })),
);
const subformLeaf = fc
  .tuple(pick(["some", "all", "none"]), itemFilter)
  .map(([op, condition]) => ({ [op]: [v("items"), condition] }));

export const filterArbitrary: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    subformLeaf,
    fc
      .tuple(pick(["and", "or"]), fc.array(tie("node"), { maxLength: 3 }))
      .map(([op, parts]) => ({ [op]: parts })),
    fc.tuple(pick(["!", "not"]), tie("node")).map(([op, part]) => ({ [op]: part })),
  ),
})).node;

// ---- the reference evaluation -------------------------------------------------------------------

type Json = Record<string, unknown>;

const RELATIVE = new Map(RELATIVE_DATES.map(([node, date]) => [JSON.stringify(node), date]));

function literal(node: unknown): unknown {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    const json = node as Json;
    if ("var" in json) return SCOPE.params?.[json.var as string];
    const date = RELATIVE.get(JSON.stringify(node));
    if (date === undefined) throw new Error(`reference: unexpected value ${JSON.stringify(node)}`);
    return { date };
  }
  return node;
}

const isDateRef = (x: unknown): x is { date: string } => x !== null && typeof x === "object" && "date" in x;
const shanghaiMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The interval [lo, hi) a value stands for, in the field's comparable domain. */
function interval(field: string, value: unknown): [number | string, number | string] {
  if (field === "at") {
    if (isDateRef(value)) return [shanghaiMidnight(value.date), shanghaiMidnight(nextDay(value.date))];
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return [shanghaiMidnight(value), shanghaiMidnight(nextDay(value))];
    }
    const ms = Date.parse(value as string);
    return [ms, ms + 0.5];
  }
  const plain = isDateRef(value)
    ? value.date
    : ["amount", "qty", "price"].includes(field)
      ? Number(value)
      : value;
  return [plain as number | string, plain as number | string];
}

function cell(row: Row, field: string): unknown {
  const value = row[field as keyof Row];
  return field === "at" && typeof value === "string" ? Date.parse(value) : value;
}

/** x compared with the value's interval: -1 below, 0 inside, 1 above. */
function position(x: number | string, [lo, hi]: [number | string, number | string]): number {
  if (lo === hi) return x < lo ? -1 : x > lo ? 1 : 0;
  return x < lo ? -1 : x >= hi ? 1 : 0;
}

function compare(op: string, row: Row, field: string, value: unknown): boolean {
  const x = cell(row, field);
  if (value === null) return op === "==" ? x === null : x !== null;
  if (x === null || x === undefined) return op === "!=";
  if (["done", "name", "owner", "product"].includes(field)) return (x === value) === (op === "==");
  const p = position(x as number | string, interval(field, value));
  switch (op) {
    case "==":
      return p === 0;
    case "!=":
      return p !== 0;
    case "<":
      return p < 0;
    case "<=":
      return p <= 0;
    case ">":
      return p > 0;
    default:
      return p >= 0;
  }
}

const MIRROR: Record<string, string> = { "==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

function isEmptyCell(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** The field a `{"var": ...}` names; `$` parameters are values, not fields. */
function varName(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || !("var" in node)) return undefined;
  const name = (node as Json).var as string;
  return name.startsWith("$") ? undefined : name;
}

export function referenceEvaluate(node: unknown, row: Row): boolean {
  if (typeof node === "boolean") return node;
  const [op, raw] = Object.entries(node as Json)[0]!;
  const args = Array.isArray(raw) ? raw : [raw];
  switch (op) {
    case "and":
      return args.every((a) => referenceEvaluate(a, row));
    case "or":
      return args.some((a) => referenceEvaluate(a, row));
    case "!":
    case "not":
      return !referenceEvaluate(args[0], row);
    case "var":
      return row.done === true;
    case "between":
      return referenceEvaluate({ "<=": [args[1], args[0], args[2]] }, row);
    case "some":
    case "all":
    case "none": {
      const test = (item: Item) => referenceEvaluate(args[1], item as unknown as Row);
      if (op === "some") return row.items.some(test);
      if (op === "none") return !row.items.some(test);
      return row.items.length > 0 && row.items.every(test); // json-logic: all of nothing is false
    }
  }
  if (op in MIRROR) {
    if (args.length === 3) {
      const field = varName(args[1])!;
      const [lower, upper] = op === "<" ? [">", "<"] : [">=", "<="];
      return compare(lower, row, field, literal(args[0])) && compare(upper, row, field, literal(args[2]));
    }
    const left = varName(args[0]);
    const field = varName(left !== undefined ? args[0] : args[1])!;
    const value = literal(left !== undefined ? args[1] : args[0]);
    return compare(left !== undefined ? op : MIRROR[op]!, row, field, value);
  }
  const field = varName(op === "in" && varName(args[0]) === undefined ? args[1] : args[0])!;
  const x = row[field as keyof Row];
  const lower = (s: unknown) => String(s).toLowerCase();
  switch (op) {
    case "in":
    case "notIn": {
      let result: boolean;
      if (varName(args[0]) === undefined) {
        const needle = args[0];
        result = Array.isArray(x)
          ? x.includes(needle as string)
          : typeof x === "string" && lower(x).includes(lower(needle));
      } else {
        const list = args[1] as unknown[];
        result = x === null ? list.includes(null) : list.includes(x);
      }
      return op === "in" ? result : !result;
    }
    case "contains":
    case "notContains": {
      const needle = args[1] as string;
      const result = Array.isArray(x)
        ? x.includes(needle)
        : typeof x === "string" && lower(x).includes(lower(needle));
      return op === "contains" ? result : !result;
    }
    case "startsWith":
      return typeof x === "string" && lower(x).startsWith(lower(args[1]));
    case "empty":
      return isEmptyCell(x);
    case "notEmpty":
      return !isEmptyCell(x);
    case "hasAny":
    case "hasAll":
    case "hasNone": {
      const wanted = literal(args[1]) as string[];
      const have = (x as string[] | null) ?? [];
      if (op === "hasAll") return wanted.every((w) => have.includes(w));
      const any = wanted.some((w) => have.includes(w));
      return op === "hasAny" ? any : !any;
    }
  }
  throw new Error(`reference: unexpected operator ${op}`);
}
