import { path, type Send } from "./transport";
import type { App, AppMenu, AppPatch, AppWithForms, MenuItem, NewApp } from "./types";

export function appsApi(send: Send) {
  return {
    list: async () => (await send<{ apps: App[] }>({ method: "GET", path: "/api/apps" })).apps,
    create: (app: NewApp) => send<App>({ method: "POST", path: "/api/apps", body: app }),
    /** The app with the summaries of its forms. */
    get: (appId: string) => send<AppWithForms>({ method: "GET", path: path`/api/apps/${appId}` }),
    update: (appId: string, patch: AppPatch) =>
      send<App>({ method: "PATCH", path: path`/api/apps/${appId}`, body: patch }),
    /** Replaces the form menu; fails with VERSION_CONFLICT (412) when `revision` is no longer current. */
    saveMenu: (appId: string, menu: MenuItem[], revision: number) =>
      send<AppMenu>({
        method: "PUT",
        path: path`/api/apps/${appId}/menu`,
        body: { menu },
        headers: { "If-Match": `"${revision}"` },
      }),
    remove: (appId: string) => send<void>({ method: "DELETE", path: path`/api/apps/${appId}` }),
  };
}
