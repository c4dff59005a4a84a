// An outgoing HTTP request that only reaches addresses the AddressPolicy allows. The check happens where
// the connection is made: a literal address before connecting, a host name in the agent's `lookup`, on
// the very addresses the socket then uses — so a name that resolves to a public address when asked
// first and to 127.0.0.1 when connecting (DNS rebinding) is still refused. Redirects are followed by
// hand (at most `maxRedirects`), each hop checked the same way. The whole exchange has one deadline and
// the response body is read up to a cap.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { AddressPolicy } from "./address-policy";

export class BlockedAddressError extends Error {
  readonly code = "ADDRESS_BLOCKED";
}

export class OutboundTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export type Resolver = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

export interface GuardedClientOptions {
  policy: AddressPolicy;
  /** The whole exchange, redirects included (ms). */
  timeoutMs: number;
  /** Bytes of the response body kept; the rest is not read. */
  maxResponseBytes: number;
  maxRedirects: number;
  /** DNS; tests give their own to map names to addresses. */
  resolve?: Resolver;
}

export interface GuardedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body's first maxResponseBytes, as text. */
  body: string;
  /** The URL that answered (after redirects). */
  url: string;
}

/** A client with keep-alive agents whose connections pass the policy; `close()` ends idle sockets. */
export class GuardedClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: GuardedClientOptions) {
    const lookup = guardedLookup(options.policy, options.resolve ?? systemResolver);
    this.httpAgent = new http.Agent({ keepAlive: true, lookup, maxSockets: 64 });
    this.httpsAgent = new https.Agent({ keepAlive: true, lookup, maxSockets: 64 });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  async request(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<GuardedResponse> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let current = new URL(url);
    let { method, body } = init;
    const headers = { ...init.headers };
    for (let hop = 0; ; hop++) {
      this.checkUrl(current);
      const response = await this.once(current, { method, headers, body }, signal).catch((error: unknown) => {
        if (!signal.aborted) throw error;
        throw new OutboundTimeoutError(`no answer within ${this.options.timeoutMs} ms`);
      });
      const location = response.headers.location;
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
      if (hop >= this.options.maxRedirects) {
        throw new Error(`more than ${this.options.maxRedirects} redirects`);
      }
      const next = new URL(location, current);
      // 301/302/303 turn into a GET without a body (as browsers do); 307/308 repeat the request.
      if (response.status <= 303 && method !== "HEAD") {
        method = "GET";
        body = undefined;
        delete headers["content-type"];
      }
      if (next.origin !== current.origin) delete headers.authorization;
      current = next;
    }
  }

  private checkUrl(url: URL): void {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new BlockedAddressError(`${url.protocol} URLs are not allowed`);
    }
    if (url.username || url.password) throw new BlockedAddressError("URLs with credentials are not allowed");
    // The URL parser has already turned 0x7f.1 and 2130706433 into 127.0.0.1; a literal address never
    // goes through `lookup`, so it is judged here.
    const refusal = this.options.policy.refuseName(url.hostname);
    if (refusal) throw new BlockedAddressError(refusal);
  }

  private once(
    url: URL,
    init: { method: string; headers: Record<string, string>; body?: string | undefined },
    signal: AbortSignal,
  ): Promise<GuardedResponse> {
    const secure = url.protocol === "https:";
    const send = secure ? https.request : http.request;
    return new Promise<GuardedResponse>((resolve, reject) => {
      const request = send(
        url,
        {
          method: init.method,
          headers: {
            ...init.headers,
            ...(init.body === undefined ? {} : { "content-length": String(Buffer.byteLength(init.body)) }),
          },
          agent: secure ? this.httpsAgent : this.httpAgent,
          signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const finish = () => {
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).subarray(0, this.options.maxResponseBytes).toString("utf8"),
              url: url.toString(),
            });
          };
          response.on("data", (chunk: Buffer) => {
            if (size >= this.options.maxResponseBytes) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size >= this.options.maxResponseBytes) {
              // Enough read: the rest is not wanted, and the socket is not reused.
              finish();
              response.destroy();
            }
          });
          response.on("end", finish);
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(init.body);
    });
  }
}

/** A `lookup` for sockets: resolves, then refuses the connection if any address is not allowed. */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const refusedName = policy.refuseName(hostname);
    if (refusedName) {
      callback(new BlockedAddressError(refusedName), "", 4);
      return;
    }
    resolve(hostname, (error, found) => {
      if (error) return callback(error, "", 4);
      const family = typeof options.family === "number" ? options.family : 0;
      const addresses = found.filter((a) => family === 0 || a.family === family);
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
      }
      if (!policy.allowsName(hostname)) {
        for (const a of addresses) {
          const refusal = policy.refuseAddress(a.address);
          if (refusal) return callback(new BlockedAddressError(`${hostname}: ${refusal}`), "", 4);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
