// Callers over real HTTP (fetch) to a server process that may be replaced: `base()` is asked on every
// request, so a caller keeps working after a restart on another port. Answers look like inject()'s
// (statusCode, body, json(), headers) so the workflow fixtures serve both.
import type { LightMyRequestResponse } from "fastify";
import type { Caller } from "../harness";
import { CSRF } from "../harness";

export function httpCaller(base: () => string, token?: string): Caller {
  return {
    async request(method, url, body, headers = {}) {
      const response = await fetch(`${base()}${url}`, {
        method: method as string,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        statusCode: response.status,
        body: text,
        headers: Object.fromEntries(response.headers.entries()),
        json: () => JSON.parse(text),
      } as unknown as LightMyRequestResponse;
    },
  };
}

/** Logs in over HTTP and makes an API token. */
export async function tokenFor(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { ...CSRF, "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  const created = await fetch(`${base}/api/tokens`, {
    method: "POST",
    headers: { ...CSRF, cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "tests" }),
  });
  if (created.status !== 201) throw new Error(`token ${email}: ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}
