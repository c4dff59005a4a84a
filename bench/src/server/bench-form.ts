// The 20-field form every server benchmark uses, the record bodies sent to it, and the equivalent
// shape for the baselines: the same fields as a JSON Schema for ajv and as a plain table for `pg`.
import type { FormDefinition } from "@formwork/schema";

export const REGIONS = [
  "north",
  "south",
  "east",
  "west",
  "central",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "overseas",
];
const STATUSES = ["new", "open", "won", "lost"];
const PRIORITIES = ["low", "normal", "high", "urgent"];
const CHANNELS = ["web", "phone", "email", "store"];
const TAGS = ["vip", "repeat", "trial", "partner", "gov"];
const options = (values: string[]) => values.map((value) => ({ value }));

/** A sales-order form: text, contact, option, number, date and array fields, one formula, no unique. */
export function benchForm(key: string): FormDefinition {
  return {
    key,
    name: { en: "Orders", "zh-CN": "订单" },
    fields: [
      { id: "title", type: "text", label: "Title", required: true, maxLength: 200 },
      { id: "customer", type: "text", label: "Customer", maxLength: 200 },
      { id: "email", type: "email", label: "Email" },
      { id: "phone", type: "phone", label: "Phone", kind: "any" },
      { id: "region", type: "select", label: "Region", options: options(REGIONS), indexed: true },
      { id: "status", type: "radio", label: "Status", options: options(STATUSES) },
      { id: "amount", type: "money", label: "Amount", min: 0, precision: 2, currency: "CNY", indexed: true },
      { id: "qty", type: "number", label: "Qty", min: 0, precision: 0 },
      { id: "price", type: "number", label: "Price", min: 0, precision: 2 },
      { id: "total", type: "number", label: "Total", formula: "qty * price" },
      { id: "ordered", type: "date", label: "Ordered" },
      { id: "due", type: "datetime", label: "Due" },
      { id: "notes", type: "textarea", label: "Notes", maxLength: 2000 },
      { id: "tags", type: "multiselect", label: "Tags", options: options(TAGS) },
      { id: "rating", type: "rating", label: "Rating", max: 5 },
      { id: "priority", type: "select", label: "Priority", options: options(PRIORITIES) },
      { id: "city", type: "text", label: "City", maxLength: 100 },
      { id: "zip", type: "text", label: "Zip", pattern: "^[0-9]{6}$" },
      { id: "discount", type: "number", label: "Discount", min: 0, max: 1, precision: 2 },
      { id: "channel", type: "radio", label: "Channel", options: options(CHANNELS) },
    ],
  };
}

export type BenchData = Record<string, string | number | string[]>;

/** The data of record `i`: deterministic, every field filled except the computed total. */
export function benchData(i: number): BenchData {
  const pick = <T>(values: readonly T[], n: number) => values[n % values.length] as T;
  const day = 1 + (i % 28);
  return {
    title: `Order ${i}`,
    customer: `Customer ${i % 997}`,
    email: `buyer${i % 991}@example.com`,
    phone: `+86 10 ${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
    region: pick(REGIONS, i),
    status: pick(STATUSES, i >> 1),
    amount: (i * 37) % 10_000,
    qty: 1 + (i % 9),
    price: 9.5 + (i % 50),
    ordered: `2026-03-${String(day).padStart(2, "0")}`,
    due: `2026-04-${String(day).padStart(2, "0")}T08:30:00.000Z`,
    notes: "Deliver to the loading dock; call ahead.",
    tags: [pick(TAGS, i), pick(TAGS, i + 2)],
    rating: 1 + (i % 5),
    priority: pick(PRIORITIES, i >> 2),
    city: `City ${i % 300}`,
    zip: String(100_000 + (i % 899_999)),
    discount: (i % 30) / 100,
    channel: pick(CHANNELS, i >> 3),
  };
}

const enumOf = (values: string[]) => ({ type: "string", enum: values });

/** The baseline's request body schema: the same shape and constraints, in one ajv-compiled schema. */
export const baselineBodySchema = {
  type: "object",
  additionalProperties: false,
  required: ["data"],
  properties: {
    data: {
      type: "object",
      additionalProperties: false,
      required: ["title"],
      properties: {
        title: { type: "string", minLength: 1, maxLength: 200 },
        customer: { type: "string", maxLength: 200 },
        email: { type: "string", format: "email" },
        phone: { type: "string", pattern: "^\\+?[0-9 ()-]{5,30}$" },
        region: enumOf(REGIONS),
        status: enumOf(STATUSES),
        amount: { type: "number", minimum: 0 },
        qty: { type: "integer", minimum: 0 },
        price: { type: "number", minimum: 0 },
        total: { type: "number" },
        ordered: { type: "string", format: "date" },
        due: { type: "string", format: "date-time" },
        notes: { type: "string", maxLength: 2000 },
        tags: { type: "array", items: enumOf(TAGS), uniqueItems: true },
        rating: { type: "integer", minimum: 0, maximum: 5 },
        priority: enumOf(PRIORITIES),
        city: { type: "string", maxLength: 100 },
        zip: { type: "string", pattern: "^[0-9]{6}$" },
        discount: { type: "number", minimum: 0, maximum: 1 },
        channel: enumOf(CHANNELS),
      },
    },
  },
} as const;

/** Column name and SQL type of each field, matching what publishing the form creates. */
export const BASELINE_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ["title", "text"],
  ["customer", "text"],
  ["email", "text"],
  ["phone", "text"],
  ["region", "text"],
  ["status", "text"],
  ["amount", "numeric"],
  ["qty", "numeric"],
  ["price", "numeric"],
  ["total", "numeric"],
  ["ordered", "date"],
  ["due", "timestamptz"],
  ["notes", "text"],
  ["tags", "text[]"],
  ["rating", "integer"],
  ["priority", "text"],
  ["city", "text"],
  ["zip", "text"],
  ["discount", "numeric"],
  ["channel", "text"],
];

export const BASELINE_TABLE = "bench_baseline";

/** The baseline table: the product's system columns, then one column per field. */
export function baselineTableDdl(): string {
  const fields = BASELINE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
  return `CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id uuid PRIMARY KEY, version integer NOT NULL DEFAULT 1,
    created_by uuid, owner_id uuid, dept_id uuid, flow_status text, created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz, ${fields})`;
}

/**
 * The indexes publishing creates for this form (two partial btrees for the indexed fields, a trigram
 * GIN over the text fields for search), so the baseline's INSERT maintains as much as ours.
 */
export function baselineIndexDdl(): string[] {
  const searched = ["title", "customer", "email", "phone", "notes", "city", "zip"];
  const separator = "chr(31)";
  const expression = searched.map((c) => `COALESCE(${c}, '')`).join(` || ${separator} || `);
  return [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    `CREATE INDEX IF NOT EXISTS ${BASELINE_TABLE}_region ON ${BASELINE_TABLE} (region) WHERE deleted_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS ${BASELINE_TABLE}_amount ON ${BASELINE_TABLE} (amount) WHERE deleted_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS ${BASELINE_TABLE}_search ON ${BASELINE_TABLE} USING gin ((${expression}) gin_trgm_ops)`,
  ];
}

/** The baseline row of a validated body: the formula computed the way the form's is. */
export function baselineRow(data: BenchData): unknown[] {
  const qty = Number(data.qty ?? 0);
  const price = Number(data.price ?? 0);
  const values: Record<string, unknown> = { ...data, total: qty * price };
  return BASELINE_COLUMNS.map(([name]) => values[name] ?? null);
}
