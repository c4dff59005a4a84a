import type { FetchLike } from "./transport";

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** A fetch that records each request and answers from a queue of canned responses. */
export function fakeFetch(...responses: Array<Response | Error>) {
  const seen: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const body =
      typeof init.body === "string" ? JSON.parse(init.body) : init.body === undefined ? undefined : init.body;
    seen.push({ url, method: init.method ?? "GET", headers, body, credentials: init.credentials });
    const next = responses.shift();
    if (next === undefined) throw new Error(`unexpected request ${init.method} ${url}`);
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, seen };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function empty(status = 204): Response {
  return new Response(null, { status });
}
