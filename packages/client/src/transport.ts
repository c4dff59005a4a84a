import { ApiError, apiErrorFrom } from "./api-error";

/** The header and value the server requires on cookie-authenticated writes (its CSRF defence). */
export const CSRF_HEADER = "X-Requested-With";
export const CSRF_HEADER_VALUE = "formwork";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Origin (and optional prefix) of the server; "" means the page's own origin. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** A personal API token, sent as a Bearer credential instead of relying on the session cookie. */
  token?: string;
  /** The language for server messages, read at each call so a language switch applies at once. */
  locale?: () => string;
}

/** Arrays repeat the key (`ids=a&ids=b`), as the server's query parser reads them. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON-encoded unless it is FormData (multipart uploads). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Send = <T>(spec: RequestSpec) => Promise<T>;

/** Encodes each path segment so ids can never change the route. */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce(
    (out, text, i) => out + text + (i < segments.length ? encodeURIComponent(segments[i]!) : ""),
    "",
  );
}

export function baseUrlOf(options: TransportOptions): string {
  return (options.baseUrl ?? "").replace(/\/+$/, "");
}

export function createTransport(options: TransportOptions = {}): Send {
  const baseUrl = baseUrlOf(options);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async <T>(spec: RequestSpec): Promise<T> => {
    const headers: Record<string, string> = { Accept: "application/json", ...spec.headers };
    if (!SAFE_METHODS.has(spec.method)) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const locale = options.locale?.();
    if (locale) headers["Accept-Language"] = locale;

    let body: BodyInit | undefined;
    if (spec.body instanceof FormData) {
      body = spec.body;
    } else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["Content-Type"] = "application/json";
    }

    let response: Response;
    try {
      response = await doFetch(baseUrl + spec.path + queryString(spec.query), {
        method: spec.method,
        headers,
        body,
        credentials: "include",
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError("NETWORK_ERROR", `The server could not be reached: ${reason}`, 0);
    }
    const parsed = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, parsed.ok ? parsed.value : null);
    if (!parsed.ok) {
      throw new ApiError(
        "BAD_RESPONSE",
        `The server answered ${response.status} with malformed JSON`,
        response.status,
      );
    }
    return parsed.value as T;
  };
}

export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text().catch(() => null);
  if (text === null) return { ok: false };
  if (text === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
