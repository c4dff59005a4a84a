// Type checking of the literals a filter compares with. A literal that does not fit the field's value
// type is a TYPE_MISMATCH here, never a database error later: every accepted value is one PostgreSQL
// parses for that column type.
import { addDays, type CalendarDate, formatDate, parseDate, startOfDayInstant } from "./calendar";
import type { FilterValueType } from "./types";

/** A value-side operand: plain JSON (literal or `$` parameter) or a resolved relative date. */
export type Literal = { kind: "json"; value: unknown } | { kind: "date"; date: CalendarDate };

/**
 * What a column is compared with. A calendar date compared with a datetime column stands for the
 * whole day in the scope's time zone: the instants in [start, end).
 */
export type Bound =
  | { kind: "value"; value: string | number | boolean }
  | { kind: "day"; start: string; end: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL_RE = /^-?\d{1,100}(\.\d{1,100})?$/;
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2}))$/;
/** Longest text a filter may compare with; beyond it a filter is a mistake or an attack. */
export const MAX_TEXT_LENGTH = 10_000;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === "object" ? "an object" : `the ${typeof value} ${String(value)}`;
}

export function checkText(value: unknown): Checked<string> {
  if (typeof value !== "string") return fail(`expected text, got ${describe(value)}`);
  if (value.includes("\u0000")) return fail("text cannot contain the NUL character");
  if (value.length > MAX_TEXT_LENGTH) return fail(`text longer than ${MAX_TEXT_LENGTH} characters`);
  return { ok: true, value };
}

function checkNumber(value: unknown): Checked<string | number> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : fail("expected a finite number");
  }
  if (typeof value === "string" && DECIMAL_RE.test(value)) return { ok: true, value };
  return fail(`expected a number, got ${describe(value)}`);
}

function checkId(value: unknown): Checked<string> {
  if (typeof value === "string" && UUID_RE.test(value)) return { ok: true, value: value.toLowerCase() };
  return fail(`expected an id (a UUID), got ${describe(value)}`);
}

function checkInstant(text: string): string | null {
  const match = INSTANT_RE.exec(text);
  if (!match || !parseDate(match[1] ?? "")) return null;
  const [hour, minute, second] = [match[2], match[3], match[4] ?? "0"].map(Number) as [
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (match[6] !== undefined && (Number(match[6]) > 15 || Number(match[7]) > 59)) return null;
  return text;
}

function dayBound(date: CalendarDate, timeZone: string): Bound {
  return {
    kind: "day",
    start: startOfDayInstant(date, timeZone),
    end: startOfDayInstant(addDays(date, 1), timeZone),
  };
}

/** A single comparable value of the field's type (== != < <= > >= between). Null is handled by callers. */
export function checkScalar(valueType: FilterValueType, literal: Literal, timeZone: string): Checked<Bound> {
  if (literal.kind === "date") {
    if (valueType === "date") return { ok: true, value: { kind: "value", value: formatDate(literal.date) } };
    if (valueType === "datetime") return { ok: true, value: dayBound(literal.date, timeZone) };
    return fail(`a relative date cannot be compared with a ${valueType} field`);
  }
  const raw = literal.value;
  const asValue = (checked: Checked<string | number | boolean>): Checked<Bound> =>
    checked.ok ? { ok: true, value: { kind: "value", value: checked.value } } : checked;
  switch (valueType) {
    case "text":
      return asValue(checkText(raw));
    case "number":
      return asValue(checkNumber(raw));
    case "id":
      return asValue(checkId(raw));
    case "boolean":
      return typeof raw === "boolean"
        ? asValue({ ok: true, value: raw })
        : fail(`expected true or false, got ${describe(raw)}`);
    case "date": {
      const date = typeof raw === "string" ? parseDate(raw) : null;
      return date
        ? asValue({ ok: true, value: formatDate(date) })
        : fail(`expected a date YYYY-MM-DD, got ${describe(raw)}`);
    }
    case "datetime": {
      if (typeof raw === "string") {
        const date = parseDate(raw);
        if (date) return { ok: true, value: dayBound(date, timeZone) };
        const instant = checkInstant(raw);
        if (instant) return asValue({ ok: true, value: instant });
      }
      return fail(`expected a date YYYY-MM-DD or an ISO 8601 instant with a zone, got ${describe(raw)}`);
    }
    case "textArray":
    case "idArray":
    case "json":
      return fail(`a ${valueType} field cannot be compared with a single value`);
  }
}

export interface ValueList {
  values: (string | number)[];
  /** The list named null: blank rows match too. */
  includesNull: boolean;
}

/** The list of `in`/`notIn`: scalars of the field's type (text, number, id, date). */
export function checkList(valueType: FilterValueType, literal: Literal): Checked<ValueList> {
  if (literal.kind !== "json" || !Array.isArray(literal.value)) return fail("expected a list of values");
  const values: (string | number)[] = [];
  let includesNull = false;
  for (const [index, item] of literal.value.entries()) {
    if (item === null) {
      includesNull = true;
      continue;
    }
    let checked: Checked<string | number>;
    if (valueType === "text") checked = checkText(item);
    else if (valueType === "number") checked = checkNumber(item);
    else if (valueType === "id") checked = checkId(item);
    else if (valueType === "date") {
      const date = typeof item === "string" ? parseDate(item) : null;
      checked = date
        ? { ok: true, value: formatDate(date) }
        : fail(`expected a date YYYY-MM-DD, got ${describe(item)}`);
    } else return fail(`a ${valueType} field has no list membership test`);
    if (!checked.ok) return fail(`item ${index}: ${checked.message}`);
    values.push(checked.value);
  }
  return { ok: true, value: { values, includesNull } };
}

/** Elements for hasAny/hasAll/hasNone: one element or a list, each text (textArray) or an id (idArray). */
export function checkElements(valueType: FilterValueType, literal: Literal): Checked<string[]> {
  if (literal.kind !== "json") return fail("expected a list of values");
  const items = Array.isArray(literal.value) ? literal.value : [literal.value];
  const elements: string[] = [];
  for (const [index, item] of items.entries()) {
    const checked = valueType === "idArray" ? checkId(item) : checkText(item);
    if (!checked.ok)
      return fail(Array.isArray(literal.value) ? `item ${index}: ${checked.message}` : checked.message);
    elements.push(checked.value);
  }
  return { ok: true, value: elements };
}
