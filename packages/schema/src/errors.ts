// One catalogue of stable error codes for the API, the definition validator and the UI.
// A code never changes meaning once released; add new ones instead.

export const ERROR_CODES = {
  // request shape
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  UNKNOWN_FIELD: 422,
  INVALID_FILTER: 400,
  INVALID_SORT: 400,
  // auth
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  /** A filter, sort, search or projection names a field the caller may not see. */
  FORBIDDEN_FIELD: 403,
  /** A write sets a field the caller may see but not change. */
  READ_ONLY_FIELD: 403,
  TOO_MANY_REQUESTS: 429,
  // resources and concurrency
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNIQUE_VIOLATION: 409,
  VERSION_CONFLICT: 412,
  /** A record whose flow is running: only data managers edit or delete it; handlers act through their task. */
  RECORD_IN_FLOW: 409,
  /** A bulk edit's filter matches more records than one request may change. */
  TOO_MANY_RECORDS: 422,
  PRECONDITION_REQUIRED: 428,
  // definitions
  INVALID_DEFINITION: 422,
  INCOMPATIBLE_CHANGE: 409,
  // spreadsheet imports
  /** The uploaded file is not a readable .xlsx or .csv (or not in the chosen text encoding). */
  IMPORT_FILE_INVALID: 422,
  /** The file decompresses, or holds rows, columns or cells, beyond the import limits. */
  IMPORT_TOO_LARGE: 413,
  /** Two header cells name the same column. */
  DUPLICATE_HEADERS: 422,
  // infrastructure
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  /** JSON pointer to the bad part of the request (body, query or definition). */
  path: string;
  message: string;
  /** A finer-grained code for this detail, e.g. a DefinitionIssue code. */
  code?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** Thrown anywhere below the HTTP layer; the server turns it into `ErrorBody` with its status. */
export class FormworkError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "FormworkError";
    this.status = ERROR_CODES[code];
  }
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details.length ? { details: this.details } : {}),
      },
    };
  }
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join("");
}
