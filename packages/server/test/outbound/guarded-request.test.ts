import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AddressPolicy } from "../../src/outbound/address-policy";
import { BlockedAddressError, GuardedClient, type Resolver } from "../../src/outbound/guarded-request";
import { type Receiver, startReceiver } from "./receiver";

// Test DNS: names of our choosing resolve to the addresses we say (no real resolver involved).
const names: Record<string, string> = {
  "rebind.example": "127.0.0.1",
  "receiver.example": "127.0.0.1",
  "metadata.example": "169.254.169.254",
  "public.example": "93.184.216.34",
};
const resolve: Resolver = (hostname, callback) => {
  const address = names[hostname];
  if (!address) return callback(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }), []);
  callback(null, [{ address, family: 4 }]);
};

const clients: GuardedClient[] = [];
function client(allowlist: string[], overrides: { timeoutMs?: number; maxResponseBytes?: number } = {}) {
  const made = new GuardedClient({
    policy: new AddressPolicy(allowlist),
    timeoutMs: overrides.timeoutMs ?? 10_000,
    maxResponseBytes: overrides.maxResponseBytes ?? 64 * 1024,
    maxRedirects: 3,
    resolve,
  });
  clients.push(made);
  return made;
}
const post = { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' };

describe("GuardedClient", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respond = (_request, response) => response.end("ok");
  });

  it("refuses loopback without the allowlist: literal, spelled, and a DNS name resolving to 127.0.0.1", async () => {
    const guarded = client([]);
    const port = receiver.port;
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://2130706433:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://localhost:${port}/`,
      `http://rebind.example:${port}/`,
    ]) {
      await expect(guarded.request(url, post), url).rejects.toBeInstanceOf(BlockedAddressError);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("reaches an allowlisted loopback receiver, by address and by a name resolving to it", async () => {
    const guarded = client(["127.0.0.1"]);
    const response = await guarded.request(`${receiver.url}/hook?x=1`, post);
    expect(response).toMatchObject({ status: 200, body: "ok" });
    const named = await guarded.request(`http://receiver.example:${receiver.port}/named`, post);
    expect(named.status).toBe(200);
    expect(receiver.received.map((r) => [r.method, r.path, r.body])).toEqual([
      ["POST", "/hook?x=1", '{"a":1}'],
      ["POST", "/named", '{"a":1}'],
    ]);
  });

  it("checks every redirect: one to the metadata address is refused before connecting", async () => {
    const guarded = client(["127.0.0.1"]);
    for (const target of [
      "http://169.254.169.254/latest/meta-data/",
      "http://metadata.example/computeMetadata/v1/",
      "http://[fd00:ec2::254]/",
      "file:///etc/passwd",
    ]) {
      receiver.respond = (_request, response) => {
        response.writeHead(302, { location: target });
        response.end();
      };
      await expect(guarded.request(`${receiver.url}/start`, post), target).rejects.toBeInstanceOf(
        BlockedAddressError,
      );
    }
  });

  it("follows up to 3 redirects (307 keeps the body, 302 turns into GET), refuses a 4th", async () => {
    const guarded = client(["127.0.0.1"]);
    receiver.respond = (request, response) => {
      const n = Number(new URL(request.path, receiver.url).searchParams.get("n") ?? 0);
      if (request.path.startsWith("/loop")) {
        response.writeHead(307, { location: `/loop?n=${n + 1}` });
        return response.end();
      }
      if (n < 3) {
        response.writeHead(n === 2 ? 302 : 307, { location: `/hop?n=${n + 1}` });
        return response.end();
      }
      response.end(`done ${request.method} ${request.body}`);
    };
    const done = await guarded.request(`${receiver.url}/hop?n=0`, post);
    expect(done.body).toBe("done GET ");
    expect(receiver.received.map((r) => `${r.method} ${r.body}`)).toEqual([
      'POST {"a":1}',
      'POST {"a":1}',
      'POST {"a":1}',
      "GET ",
    ]);
    await expect(guarded.request(`${receiver.url}/loop?n=0`, post)).rejects.toThrow(/more than 3 redirects/);
  });

  it("reads at most the body cap and gives up at the deadline", async () => {
    const capped = client(["127.0.0.1"], { maxResponseBytes: 1024 });
    receiver.respond = (request, response) => {
      if (request.path === "/silent") return; // never answers
      response.end("x".repeat(1024 * 1024));
    };
    const big = await capped.request(`${receiver.url}/big`, post);
    expect(big.body.length).toBe(1024);
    const impatient = client(["127.0.0.1"], { timeoutMs: 300 });
    await expect(impatient.request(`${receiver.url}/silent`, post)).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });
});
