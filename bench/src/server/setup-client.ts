// Prepares a running server over HTTP the way a user would: log in, take an API token, create an app
// and the benchmark forms, publish them.
import { Agent } from "node:http";
import { loadPublishedForm, type PublishedForm, type SystemTables } from "@formwork/db";
import type { Kysely } from "kysely";
import { benchForm } from "./bench-form";
import { type LoadRequest, type Response, send } from "./load";

export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-1", name: "Bench" };
const CSRF = { "x-requested-with": "formwork" };

export interface Session {
  port: number;
  token: string;
  call(req: LoadRequest): Promise<Response>;
}

function expectStatus(response: Response, status: number, what: string): Response {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${response.body.slice(0, 500)}`);
  return response;
}

/** Logs in as the bench administrator and takes an API token. */
export async function signIn(port: number, admin = BENCH_ADMIN): Promise<Session> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const raw = (req: LoadRequest) => send(agent, port, req);
  const login = expectStatus(
    await raw({
      method: "POST",
      path: "/api/auth/login",
      headers: CSRF,
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    }),
    200,
    "login",
  );
  const setCookie = [login.headers["set-cookie"] ?? []].flat();
  const session = setCookie.map((c) => c.split(";")[0]).find((c) => c?.startsWith("formwork_session="));
  if (!session) throw new Error("login set no session cookie");
  const created = expectStatus(
    await raw({
      method: "POST",
      path: "/api/tokens",
      headers: { ...CSRF, cookie: session },
      body: JSON.stringify({ name: "bench" }),
    }),
    201,
    "token",
  );
  const token = (JSON.parse(created.body) as { token: string }).token;
  return {
    port,
    token,
    call: (req) => raw({ ...req, headers: { authorization: `Bearer ${token}`, ...req.headers } }),
  };
}

/** Creates an app with one published benchmark form per key; returns form key → form id. */
export async function publishBenchForms(session: Session, keys: string[]): Promise<Record<string, string>> {
  const json = (method: "GET" | "POST", path: string, body?: unknown) =>
    session.call({ method, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const app = expectStatus(await json("POST", "/api/apps", { name: "Benchmarks" }), 201, "create app");
  const appId = (JSON.parse(app.body) as { id: string }).id;
  const ids: Record<string, string> = {};
  for (const key of keys) {
    const form = expectStatus(
      await json("POST", `/api/apps/${appId}/forms`, benchForm(key)),
      201,
      `form ${key}`,
    );
    const formId = (JSON.parse(form.body) as { id: string }).id;
    expectStatus(await json("POST", `/api/forms/${formId}/publish`, {}), 200, `publish ${key}`);
    ids[key] = formId;
  }
  return ids;
}

/** The published form as the db package's records functions take it. */
export async function publishedForm(db: Kysely<SystemTables>, formId: string): Promise<PublishedForm> {
  const form = await loadPublishedForm(db, formId);
  if (!form) throw new Error(`form ${formId} is not published`);
  return form;
}
