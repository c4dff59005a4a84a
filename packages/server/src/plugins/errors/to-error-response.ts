// One mapping from anything a request can throw to the public error body (DESIGN §2): a FormworkError
// keeps its code (the db package already maps database failures to FormworkErrors, 503 included); ajv
// and Fastify errors get a stable code and the right status; anything else is a bug, answered as
// INTERNAL without internals.
import { type ErrorBody, type ErrorCode, type ErrorDetail, FormworkError } from "@formwork/schema";

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the failure is ours, not the client's: log it. */
  unexpected: boolean;
}

interface AjvLikeError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: AjvLikeError[];
  validationContext?: string;
  message?: string;
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Send JSON with Content-Type: application/json",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "BAD_REQUEST",
    message: "Content-Length does not match the body",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "INVALID_JSON", message: "The request body is empty" },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "INVALID_JSON", message: "The request body is not valid JSON" },
  FST_ERR_BAD_URL: { code: "BAD_REQUEST", message: "The URL is malformed" },
  FST_REQ_FILE_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "The file is too large" },
  FST_FILES_LIMIT: { code: "PAYLOAD_TOO_LARGE", message: "Too many files" },
  FST_PARTS_LIMIT: { code: "PAYLOAD_TOO_LARGE", message: "Too many parts" },
  FST_FIELDS_LIMIT: { code: "PAYLOAD_TOO_LARGE", message: "Too many fields" },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send multipart/form-data" },
};

export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof FormworkError) return respond(error.code, error.message, error.details, error.status);
  const e = (error ?? {}) as FastifyLikeError;
  if (Array.isArray(e.validation)) return fromValidation(e.validation, e.validationContext ?? "body");
  // The client hung up mid-request: Node destroys the request stream with Error("aborted"), code
  // ECONNRESET (it reaches us from the multipart file stream). The client's doing, not a bug; database
  // errors were converted before they get here, so this cannot hide an outage.
  if (e.code === "ECONNRESET" && e.message === "aborted")
    return respond("BAD_REQUEST", "The request was aborted");
  const known = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (known) return respond(known.code, known.message);
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode =
      e.statusCode === 404 ? "NOT_FOUND" : e.statusCode === 429 ? "TOO_MANY_REQUESTS" : "BAD_REQUEST";
    return respond(code, e.message ?? "Bad request", [], e.statusCode);
  }
  return { ...respond("INTERNAL", "Internal server error"), unexpected: true };
}

function respond(
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
  status?: number,
): ErrorResponse {
  const error = new FormworkError(code, message, details);
  return { status: status ?? error.status, body: error.toBody(), unexpected: false };
}

/** Schema errors of the body are 422 (unknown keys get their own code); of the URL, 400. */
function fromValidation(all: AjvLikeError[], context: string): ErrorResponse {
  // "if"/"anyOf" only summarise the errors of their branches, which are reported themselves.
  const specific = all.filter((e) => e.keyword !== "if" && e.keyword !== "anyOf");
  const errors = specific.length > 0 ? specific : all;
  const details = errors.map(toDetail);
  if (context !== "body") {
    return respond("BAD_REQUEST", `Invalid ${context === "querystring" ? "query string" : context}`, details);
  }
  const allUnknown = errors.length > 0 && errors.every((e) => e.keyword === "additionalProperties");
  return allUnknown
    ? respond("UNKNOWN_FIELD", "The request has unknown fields", details)
    : respond("VALIDATION_FAILED", "The request body is invalid", details);
}

function toDetail(error: AjvLikeError): ErrorDetail {
  const base = error.instancePath ?? "";
  const extra = error.params?.additionalProperty ?? error.params?.missingProperty;
  const path = typeof extra === "string" ? `${base}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}` : base;
  const message = error.keyword === "additionalProperties" ? "unknown field" : (error.message ?? "invalid");
  return { path, message, ...(error.keyword ? { code: error.keyword } : {}) };
}
