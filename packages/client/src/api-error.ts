import type { ErrorCode, ErrorDetail } from "@formwork/schema";

/** Codes the client adds for failures that never reached (or never came back from) the server. */
export type ClientErrorCode = "NETWORK_ERROR" | "BAD_RESPONSE";

/**
 * A failed API call: the server's stable `code`, its HTTP status and the per-path details, so a form can
 * put each message next to the field its JSON pointer names.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The first detail whose path is `path` or lies below it. */
  detailFor(path: string): ErrorDetail | undefined {
    return this.details.find((detail) => detail.path === path || detail.path.startsWith(`${path}/`));
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Builds the error from a non-2xx response body, tolerating bodies that are not our error shape. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown; details?: unknown }
    | undefined;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    const details = Array.isArray(error.details) ? error.details.filter(isDetail) : [];
    return new ApiError(error.code as ErrorCode, error.message, status, details);
  }
  return new ApiError("BAD_RESPONSE", `The server answered ${status} without an error body`, status);
}

function isDetail(value: unknown): value is ErrorDetail {
  const detail = value as ErrorDetail | null;
  return typeof detail?.path === "string" && typeof detail.message === "string";
}
