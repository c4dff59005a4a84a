// SQL for the leaves of a filter. Each leaf comes with its exact complement so that `!` is pushed down
// to the leaves: a blank (NULL) cell never satisfies a condition and always satisfies its negation,
// which is what users expect ("not equal to A" lists the blanks too) and keeps every predicate
// two-valued. Values are always bound parameters; only allowlisted column names are interpolated.
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { FilterValueType } from "./types";
import type { Bound, ValueList } from "./values";

export type Condition = RawBuilder<SqlBool>;

/** A condition and its exact negation. */
export interface Predicate {
  holds: Condition;
  fails: Condition;
}

/**
 * A predicate whose complement is built only when asked for: a leaf needs one side or the other, and
 * building Kysely nodes is most of the compiler's work.
 */
function withComplement(holds: Condition, fails: () => Condition): Predicate {
  return {
    holds,
    get fails() {
      return fails();
    },
  };
}

/** The same test, negated: its holds and fails swap places (still built lazily). */
export function negated(predicate: Predicate): Predicate {
  return {
    get holds() {
      return predicate.fails;
    },
    get fails() {
      return predicate.holds;
    },
  };
}

export type Comparison = "eq" | "lt" | "lte" | "gt" | "gte";

export const TRUE: Condition = sql<SqlBool>`true`;
export const FALSE: Condition = sql<SqlBool>`false`;

export function allOf(parts: readonly Condition[]): Condition {
  if (parts.length === 0) return TRUE;
  if (parts.length === 1) return parts[0]!;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

export function anyOf(parts: readonly Condition[]): Condition {
  if (parts.length === 0) return FALSE;
  if (parts.length === 1) return parts[0]!;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

const INT4_MAX = 2_147_483_647;

/**
 * A number a PostgreSQL `integer` column accepts as its own type. Such values are bound untyped so
 * the column's btree index serves the comparison; any other number is cast to numeric, which keeps an
 * integer column from rejecting 1.5 (at the price of the index, for a comparison that is rare).
 */
function fitsInteger(value: string | number): boolean {
  const n = typeof value === "number" ? value : /^-?\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && Math.abs(n) <= INT4_MAX;
}

function param(value: string | number | boolean, valueType: FilterValueType): RawBuilder<unknown> {
  if (valueType === "number" && typeof value !== "boolean" && !fitsInteger(value)) {
    return sql`${sql.val(value)}::numeric`;
  }
  return sql`${sql.val(value)}`;
}

/** The complement of a condition that is NULL only when the column is NULL. */
function orBlank(column: Expression<unknown>, holds: Condition): Condition {
  return sql<SqlBool>`(${column} is null or not (${holds}))`;
}

function compareSql(
  column: Expression<unknown>,
  op: Comparison,
  bound: Bound,
  valueType: FilterValueType,
): Condition {
  if (bound.kind === "day") {
    const start = sql.val(bound.start);
    const end = sql.val(bound.end);
    switch (op) {
      case "eq":
        return sql<SqlBool>`(${column} >= ${start} and ${column} < ${end})`;
      case "lt":
        return sql<SqlBool>`${column} < ${start}`;
      case "lte":
        return sql<SqlBool>`${column} < ${end}`;
      case "gt":
        return sql<SqlBool>`${column} >= ${end}`;
      case "gte":
        return sql<SqlBool>`${column} >= ${start}`;
    }
  }
  const value = param(bound.value, valueType);
  const symbol = { eq: "=", lt: "<", lte: "<=", gt: ">", gte: ">=" }[op];
  return sql<SqlBool>`${column} ${sql.raw(symbol)} ${value}`;
}

export function comparePredicate(
  column: Expression<unknown>,
  op: Comparison,
  bound: Bound,
  valueType: FilterValueType,
): Predicate {
  const holds = compareSql(column, op, bound, valueType);
  if (op === "eq" && bound.kind === "value") {
    return withComplement(
      holds,
      () => sql<SqlBool>`${column} is distinct from ${param(bound.value, valueType)}`,
    );
  }
  return withComplement(holds, () => orBlank(column, holds));
}

export function isNullPredicate(column: Expression<unknown>): Predicate {
  return { holds: sql<SqlBool>`${column} is null`, fails: sql<SqlBool>`${column} is not null` };
}

export function betweenPredicate(
  column: Expression<unknown>,
  lower: Bound,
  upper: Bound,
  inclusive: boolean,
  valueType: FilterValueType,
): Predicate {
  const holds = allOf([
    compareSql(column, inclusive ? "gte" : "gt", lower, valueType),
    compareSql(column, inclusive ? "lte" : "lt", upper, valueType),
  ]);
  return withComplement(holds, () => orBlank(column, holds));
}

export function inListPredicate(
  column: Expression<unknown>,
  list: ValueList,
  valueType: FilterValueType,
): Predicate {
  const blank = sql<SqlBool>`${column} is null`;
  if (list.values.length === 0) {
    return list.includesNull ? isNullPredicate(column) : { holds: FALSE, fails: TRUE };
  }
  const array =
    valueType === "number" && !list.values.every(fitsInteger)
      ? sql`${sql.val(list.values)}::numeric[]`
      : sql`${sql.val(list.values)}`;
  const member = sql<SqlBool>`${column} = any(${array})`;
  if (list.includesNull) {
    return {
      holds: anyOf([member, blank]),
      fails: sql<SqlBool>`(${column} is not null and not (${member}))`,
    };
  }
  return withComplement(member, () => orBlank(column, member));
}

/** Case-insensitive pattern match; the pattern is already escaped (see like.ts). */
export function likePredicate(column: Expression<unknown>, pattern: string): Predicate {
  const holds = sql<SqlBool>`${column} ilike ${sql.val(pattern)}`;
  return withComplement(holds, () => orBlank(column, holds));
}

export function emptyPredicate(column: Expression<unknown>, valueType: FilterValueType): Predicate {
  let holds: Condition;
  switch (valueType) {
    case "text":
      holds = sql<SqlBool>`(${column} is null or ${column} = '')`;
      break;
    case "textArray":
    case "idArray":
      holds = sql<SqlBool>`(${column} is null or cardinality(${column}) = 0)`;
      break;
    case "json":
      holds = sql<SqlBool>`(${column} is null or ${column} in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`;
      break;
    default:
      return isNullPredicate(column);
  }
  // `holds` is never NULL, so plain NOT is its exact complement.
  return withComplement(holds, () => sql<SqlBool>`not (${holds})`);
}

/** Array overlap tests; a blank array behaves as an empty one. */
export function arrayPredicate(
  column: Expression<unknown>,
  op: "hasAny" | "hasAll" | "hasNone",
  elements: readonly string[],
): Predicate {
  if (elements.length === 0) {
    // Vacuous truths: every array has all of nothing and none of nothing, and none has any of nothing.
    return op === "hasAny" ? { holds: FALSE, fails: TRUE } : { holds: TRUE, fails: FALSE };
  }
  const values = sql.val([...elements]);
  if (op === "hasAll") {
    const holds = sql<SqlBool>`${column} @> ${values}`;
    return withComplement(holds, () => orBlank(column, holds));
  }
  const overlaps = sql<SqlBool>`${column} && ${values}`;
  const none = orBlank(column, overlaps);
  return op === "hasAny" ? { holds: overlaps, fails: none } : { holds: none, fails: overlaps };
}
