// Serial numbers (流水号): a pattern of text, date and counter parts. Counters are rows of
// serial_counters bumped with one upsert inside the record's transaction, so concurrent creates
// queue on the counter row and never share a number.
import type { FieldOf, SerialPart } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import type { SystemTables } from "../tables";

type CounterPart = Extract<SerialPart, { counter: number }>;

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

interface DateParts {
  yyyy: string;
  yy: string;
  MM: string;
  dd: string;
}

export function dateParts(now: Date, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const yyyy = get("year");
  return { yyyy, yy: yyyy.slice(-2), MM: get("month"), dd: get("day") };
}

function formatDate(format: Extract<SerialPart, { date: string }>["date"], d: DateParts): string {
  switch (format) {
    case "yyyy":
      return d.yyyy;
    case "yyyyMM":
      return `${d.yyyy}${d.MM}`;
    case "yyyyMMdd":
      return `${d.yyyy}${d.MM}${d.dd}`;
    case "yyMMdd":
      return `${d.yy}${d.MM}${d.dd}`;
    case "yyyy-MM-dd":
      return `${d.yyyy}-${d.MM}-${d.dd}`;
  }
}

export function counterPart(field: FieldOf<"serial">): CounterPart | undefined {
  return field.pattern.find((part): part is CounterPart => "counter" in part);
}

/** The counter's period key: the counter restarts whenever this changes. */
export function periodKey(part: CounterPart, d: DateParts): string {
  switch (part.reset ?? "never") {
    case "daily":
      return `${d.yyyy}${d.MM}${d.dd}`;
    case "monthly":
      return `${d.yyyy}${d.MM}`;
    case "yearly":
      return d.yyyy;
    default:
      return "";
  }
}

export function formatSerial(
  field: FieldOf<"serial">,
  counter: number | null,
  d: DateParts,
  data: Record<string, unknown>,
): string {
  return field.pattern
    .map((part) => {
      if ("text" in part) return part.text;
      if ("date" in part) return formatDate(part.date, d);
      if ("counter" in part) return String(counter ?? 0).padStart(part.counter, "0");
      const value = data[part.field];
      return value === null || value === undefined ? "" : String(value);
    })
    .join("");
}

/**
 * Reserves `count` consecutive counter values and returns the first. The upsert takes the counter
 * row's lock until the transaction ends, which is what serialises concurrent creators.
 */
export async function reserveSerialValues(
  db: Kysely<SystemTables>,
  key: { formId: string; field: string; period: string; start: number },
  count: number,
): Promise<number> {
  const row = await db
    .insertInto("serial_counters")
    .values({ form_id: key.formId, field: key.field, period: key.period, value: key.start + count - 1 })
    .onConflict((oc) =>
      oc
        .columns(["form_id", "field", "period"])
        .doUpdateSet({ value: sql<number>`serial_counters.value + ${count}` }),
    )
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}
