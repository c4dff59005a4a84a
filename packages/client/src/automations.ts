// Automations of an app (issue 7): GET/POST /api/apps/:app/automations, GET/PUT/DELETE …/:id,
// GET …/:id/runs, POST …/:id/runs/:run/retry. App admins only.
import type { AutomationDefinition, AutomationRunView, AutomationView } from "@formwork/schema";
import { path, type Send } from "./transport";

export type { AutomationDefinition, AutomationRunView, AutomationView };

export interface AutomationInput {
  definition: AutomationDefinition;
  enabled: boolean;
  /** PUT: the version the editor read. */
  version?: number;
}

export function automationsApi(send: Send) {
  return {
    list: (appId: string) =>
      send<{ automations: AutomationView[] }>({ method: "GET", path: path`/api/apps/${appId}/automations` }),
    get: (appId: string, id: string) =>
      send<AutomationView>({ method: "GET", path: path`/api/apps/${appId}/automations/${id}` }),
    create: (appId: string, input: AutomationInput) =>
      send<AutomationView>({ method: "POST", path: path`/api/apps/${appId}/automations`, body: input }),
    update: (appId: string, id: string, input: AutomationInput) =>
      send<AutomationView>({ method: "PUT", path: path`/api/apps/${appId}/automations/${id}`, body: input }),
    remove: (appId: string, id: string) =>
      send<void>({ method: "DELETE", path: path`/api/apps/${appId}/automations/${id}` }),
    runs: (appId: string, id: string, query: { limit?: number; cursor?: string } = {}) =>
      send<{ runs: AutomationRunView[]; nextCursor: string | null }>({
        method: "GET",
        path: path`/api/apps/${appId}/automations/${id}/runs`,
        query,
      }),
    retry: (appId: string, id: string, runId: string) =>
      send<{ runId: string; status: string }>({
        method: "POST",
        path: path`/api/apps/${appId}/automations/${id}/runs/${runId}/retry`,
      }),
  };
}
