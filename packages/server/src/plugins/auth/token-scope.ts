// What an API token may touch. A "read" token may only use safe methods; a token limited to some apps
// may only call routes that name a resource of one of them (the app is resolved from the route's own
// parameters in SQL). Routes that name no app — the organisation, users, task inboxes, uploads — are
// refused to app-limited tokens: default deny, so a route added later cannot leak across apps.
import { FormworkError } from "@formwork/schema";
import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../database";
import { isUnsafeMethod } from "./csrf";

export interface TokenScope {
  write: boolean;
  /** null: every app the user may reach. */
  appIds: string[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Routes any token may call whatever its apps: who am I, sign out. */
const APP_FREE_ROUTES = new Set(["GET /api/me", "POST /api/auth/logout"]);

/** Per route parameter, how to find the app of the resource it names. */
const APP_OF: Record<string, (db: Db, id: string) => Promise<string | undefined>> = {
  app: async (_db, id) => id,
  form: (db, id) => one(db, sql`SELECT app_id AS app FROM forms WHERE id = ${id}`),
  view: (db, id) =>
    one(db, sql`SELECT f.app_id AS app FROM views v JOIN forms f ON f.id = v.form_id WHERE v.id = ${id}`),
  set: (db, id) =>
    one(
      db,
      sql`SELECT f.app_id AS app FROM permission_sets s JOIN forms f ON f.id = s.form_id WHERE s.id = ${id}`,
    ),
  task: (db, id) =>
    one(
      db,
      sql`SELECT f.app_id AS app FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id
          JOIN forms f ON f.id = i.form_id WHERE t.id = ${id}`,
    ),
};

/** The app parameter of routes whose `:id` is not a form-level resource of its own name. */
const ID_OWNER: Record<string, (db: Db, id: string) => Promise<string | undefined>> = {
  "/api/files/:id": (db, id) =>
    one(db, sql`SELECT f.app_id AS app FROM files x JOIN forms f ON f.id = x.form_id WHERE x.id = ${id}`),
  "/api/flow-instances/:id/actions": flowInstanceApp,
  "/api/flow-instances/:id/admin": flowInstanceApp,
};

function flowInstanceApp(db: Db, id: string) {
  return one(
    db,
    sql`SELECT f.app_id AS app FROM flow_instances i JOIN forms f ON f.id = i.form_id WHERE i.id = ${id}`,
  );
}

async function one(db: Db, query: ReturnType<typeof sql>): Promise<string | undefined> {
  const { rows } = await (query as ReturnType<typeof sql<{ app: string }>>).execute(db);
  return rows[0]?.app;
}

/** Throws FORBIDDEN when the request's token scope does not cover the route. */
export async function assertTokenScope(db: Db, request: FastifyRequest, scope: TokenScope): Promise<void> {
  if (!scope.write && isUnsafeMethod(request.method)) {
    throw new FormworkError("FORBIDDEN", "This API token is read-only");
  }
  if (scope.appIds === null) return;
  const route = request.routeOptions.url ?? "";
  if (APP_FREE_ROUTES.has(`${request.method} ${route}`)) return;
  const apps = await appsOfRoute(db, route, (request.params ?? {}) as Record<string, unknown>);
  if (apps.length === 0 || apps.some((app) => !scope.appIds!.includes(app))) {
    throw new FormworkError("FORBIDDEN", "This API token is not allowed to use this app");
  }
}

async function appsOfRoute(db: Db, route: string, params: Record<string, unknown>): Promise<string[]> {
  const apps: string[] = [];
  const lookups: [(db: Db, id: string) => Promise<string | undefined>, unknown][] = [];
  const owner = ID_OWNER[route];
  if (owner) lookups.push([owner, params.id]);
  for (const [name, find] of Object.entries(APP_OF)) if (name in params) lookups.push([find, params[name]]);
  for (const [find, id] of lookups) {
    // An unknown or malformed id resolves to no app, which refuses the request.
    const app = typeof id === "string" && UUID.test(id) ? await find(db, id) : undefined;
    apps.push(app ?? "");
  }
  return apps.includes("") ? [] : apps;
}
