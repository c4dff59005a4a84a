// Builds the app over a throwaway database (each entry of testDatabases()) with a signed-in admin, and
// gives tests short ways to call it as that admin, as another user, or anonymously.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPubSubPool } from "@formwork/db";
import type { TestDatabase } from "@formwork/db/testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app";
import type { ServerConfigInput } from "../src/config";
import type { Db } from "../src/database";
import { createUser } from "../src/plugins/users/users-store";

export const ADMIN = { email: "admin@example.com", password: "admin-password-1", name: "Admin" };
export const CSRF = { "x-requested-with": "formwork" };

export interface Caller {
  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  dataDir: string;
  /** The admin, authenticated by an API token. */
  admin: Caller;
  adminToken: string;
  anonymous: Caller;
  /** A new non-admin user with its own API token. */
  newUser(email: string): Promise<Caller & { id: string; token: string }>;
  close(): Promise<void>;
}

export async function startTestApp(
  database: TestDatabase,
  config: ServerConfigInput = {},
  options: { templatesDir?: string; pubsub?: boolean } = {},
): Promise<TestApp> {
  const { db, close, url } = (await database.create()) as Awaited<ReturnType<TestDatabase["create"]>> & {
    url?: string;
  };
  const dataDir = await mkdtemp(join(tmpdir(), "formwork-server-test-"));
  // Realtime through the PostgreSQL adapter, as several instances run (its database is the test's own).
  const pool = options.pubsub && url ? createPubSubPool({ url }) : undefined;
  const app = await buildApp({
    db,
    kind: database.name,
    dataDir,
    config: { logLevel: false, ...config },
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(pool ? { pubsub: { pool, channelPrefix: "formwork" } } : {}),
  });
  await createUser(db, { ...ADMIN, isAdmin: true });

  const caller = (token?: string): Caller => ({
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
      }),
  });
  const issueToken = async (email: string, password: string) => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: CSRF,
      payload: { email, password },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = login.cookies.find((c) => c.name === "formwork_session")!;
    const created = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: { ...CSRF, cookie: `formwork_session=${cookie.value}` },
      payload: { name: "tests" },
    });
    if (created.statusCode !== 201) throw new Error(`token failed: ${created.body}`);
    return created.json<{ token: string }>().token;
  };
  const adminToken = await issueToken(ADMIN.email, ADMIN.password);

  return {
    app,
    db,
    dataDir,
    admin: caller(adminToken),
    adminToken,
    anonymous: caller(),
    async newUser(email) {
      const password = "user-password-1";
      const user = await createUser(db, { email, name: email, password });
      const token = await issueToken(email, password);
      return { ...caller(token), id: user.id, token };
    },
    async close() {
      await app.close();
      await pool?.end();
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error body's code and first detail path, for compact assertions. */
export function errorOf(response: LightMyRequestResponse): {
  status: number;
  code: string;
  path: string | undefined;
} {
  const body = response.json<{ error?: { code: string; details?: { path: string }[] } }>();
  return {
    status: response.statusCode,
    code: body.error?.code ?? "(none)",
    path: body.error?.details?.[0]?.path,
  };
}
