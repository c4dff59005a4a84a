// Dashboards of an app: GET/POST /api/apps/:app/dashboards, GET/PUT/DELETE /api/apps/:app/dashboards/:id.
// Saving names the version read (If-Match); someone else's save in between is VERSION_CONFLICT (412).
import type { DashboardDefinition } from "@formwork/schema";
import type { ClientOptions } from "./client";
import { createTransport, path, type Send } from "./transport";

export interface DashboardSummary {
  id: string;
  appId: string;
  title: string;
  version: number;
  updatedAt: string;
}

export interface Dashboard extends DashboardSummary {
  definition: DashboardDefinition;
}

export function dashboardsApi(send: Send) {
  return {
    list: async (appId: string) =>
      (
        await send<{ dashboards: DashboardSummary[] }>({
          method: "GET",
          path: path`/api/apps/${appId}/dashboards`,
        })
      ).dashboards,
    get: (appId: string, id: string) =>
      send<Dashboard>({ method: "GET", path: path`/api/apps/${appId}/dashboards/${id}` }),
    create: (appId: string, definition: DashboardDefinition) =>
      send<Dashboard>({ method: "POST", path: path`/api/apps/${appId}/dashboards`, body: definition }),
    save: (appId: string, id: string, definition: DashboardDefinition, version?: number) =>
      send<Dashboard>({
        method: "PUT",
        path: path`/api/apps/${appId}/dashboards/${id}`,
        body: definition,
        headers: version === undefined ? undefined : { "If-Match": `"${version}"` },
      }),
    remove: (appId: string, id: string) =>
      send<void>({ method: "DELETE", path: path`/api/apps/${appId}/dashboards/${id}` }),
  };
}

/**
 * A client of the dashboards alone, outside `createClient`: the web app builds it inside its lazy
 * dashboards chunk, so the fill page's first download (at its budget) does not carry it.
 */
export function createDashboardsClient(options: ClientOptions = {}) {
  return dashboardsApi(createTransport(options));
}
