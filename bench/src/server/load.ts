// A closed-loop HTTP load generator over loopback: `concurrency` workers each send a request, wait for
// its response and send the next, until the duration ends. Keep-alive sockets, one per worker.
import { Agent, request } from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** JSON text, already serialised so the generator spends its time on the wire, not in stringify. */
  body?: string;
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  durationMs: number;
  /** The i-th request to send (i counts across all workers). */
  next: (i: number) => LoadRequest;
  /** Status every response must have; anything else counts as an error. */
  expectStatus: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first unexpected response, to tell a broken run from a slow one. */
  firstError?: string;
  elapsedMs: number;
  perSecond: number;
  latenciesMs: number[];
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on the given agent; resolves with the status and the whole body. */
export function send(agent: Agent, port: number, req: LoadRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(req.body);
    }
    const outgoing = request(
      { host: "127.0.0.1", port, method: req.method, path: req.path, headers, agent },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  let counter = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const req = options.next(counter++);
      const sent = performance.now();
      try {
        const response = await send(agent, options.port, req);
        latenciesMs.push(performance.now() - sent);
        if (response.status !== options.expectStatus) {
          errors++;
          firstError ??= `${response.status} ${response.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const ok = latenciesMs.length - errors;
  return {
    requests: latenciesMs.length,
    errors,
    ...(firstError !== undefined ? { firstError } : {}),
    elapsedMs,
    perSecond: (ok * 1000) / elapsedMs,
    latenciesMs,
  };
}
