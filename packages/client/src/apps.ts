import { path, type Send } from "./transport";
import type { App, AppPatch, AppWithForms, NewApp } from "./types";

export function appsApi(send: Send) {
  return {
    list: async () => (await send<{ apps: App[] }>({ method: "GET", path: "/api/apps" })).apps,
    create: (app: NewApp) => send<App>({ method: "POST", path: "/api/apps", body: app }),
    /** The app with the summaries of its forms. */
    get: (appId: string) => send<AppWithForms>({ method: "GET", path: path`/api/apps/${appId}` }),
    update: (appId: string, patch: AppPatch) =>
      send<App>({ method: "PATCH", path: path`/api/apps/${appId}`, body: patch }),
    remove: (appId: string) => send<void>({ method: "DELETE", path: path`/api/apps/${appId}` }),
  };
}
