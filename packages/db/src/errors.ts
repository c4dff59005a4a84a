// The one place where PostgreSQL / driver errors become FormworkErrors. Both drivers (pg and PGlite)
// pass every query error through `mapDatabaseError`, so callers only ever see stable codes.
import { FormworkError } from "@formwork/schema";

/** A unique index refused a row. `constraint` names the index so a repository can point at the field. */
export class UniqueViolationError extends FormworkError {
  constructor(
    readonly constraint: string | undefined,
    message: string,
  ) {
    super("UNIQUE_VIOLATION", message);
  }
}

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

// Node socket errors and PostgreSQL classes 08 (connection exception) and 57P (operator intervention:
// shutdown, restart, "cannot connect now") mean the database is unreachable for now, not that the
// request was wrong: the client may retry.
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /PGlite is closed/i,
];

export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as PgLikeError;
  if (typeof code === "string") {
    if (UNAVAILABLE_NODE_CODES.has(code)) return true;
    if (code.startsWith("08") || code.startsWith("57P") || code === "53300") return true;
  }
  return typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** A deadlock or a serialization failure: PostgreSQL aborted the transaction, and running it again may succeed. */
export function isTransientConflict(error: unknown): boolean {
  // The driver maps it to CONFLICT on the way up (error-mapping-dialect): the database's code is the cause's.
  const cause = error instanceof FormworkError ? (error as { cause?: unknown }).cause : error;
  const { code } = (cause ?? {}) as PgLikeError;
  return code === "40P01" || code === "40001";
}

/** The FormworkError for a database error, or the error itself when it is a bug (an unmapped code). */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof FormworkError) return error;
  const { code, constraint, message } = (error ?? {}) as PgLikeError;
  const text = typeof message === "string" ? message : "database error";
  if (isUnavailable(error)) {
    return withCause(
      new FormworkError("SERVICE_UNAVAILABLE", "The database is unavailable; try again shortly."),
      error,
    );
  }
  if (typeof code !== "string") return error;
  switch (code) {
    case "23505":
      return withCause(
        new UniqueViolationError(typeof constraint === "string" ? constraint : undefined, text),
        error,
      );
    case "40001":
    case "40P01": // isTransientConflict
      return withCause(
        new FormworkError("CONFLICT", "A concurrent change got in the way; try again."),
        error,
      );
    case "23503":
      return withCause(
        new FormworkError("CONFLICT", "The change refers to or is referred to by other data."),
        error,
      );
    case "23502":
    case "23514":
      return withCause(new FormworkError("VALIDATION_FAILED", text), error);
    case "57014":
      return withCause(
        new FormworkError("SERVICE_UNAVAILABLE", "The query took too long and was cancelled."),
        error,
      );
    default:
      // Class 22: data exceptions (bad number, too long, invalid date): the input was wrong.
      if (code.startsWith("22")) return withCause(new FormworkError("VALIDATION_FAILED", text), error);
      return error;
  }
}

function withCause<E extends Error>(mapped: E, cause: unknown): E {
  Object.defineProperty(mapped, "cause", { value: cause, enumerable: false });
  return mapped;
}
