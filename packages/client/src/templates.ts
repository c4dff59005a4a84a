import type { BundleManifest, LocalizedText, TemplateBundle } from "@formwork/schema";
import type { ClientOptions } from "./client";
import { createTransport, path, type Send } from "./transport";
import type { App } from "./types";

export interface GalleryTemplate {
  name: string;
  manifest: BundleManifest;
  forms: { key: string; name: LocalizedText }[];
  sampleRecords: number;
  sections: Record<string, number>;
  /** Addresses of the preview images. */
  screenshots: string[];
}

export interface InstallOptions {
  sampleData?: boolean;
  members?: "demo" | "installer";
  name?: string;
  locale?: "zh-CN" | "en";
}

export interface InstallResult {
  app: App;
  template: { name: string; version: string };
  forms: { key: string; id: string; version: number }[];
  permissionSets: number;
  views: number;
  records: number;
  installed: Record<string, number>;
  skipped: { section: string; count: number; code: string }[];
}

export interface AppTemplateInfo {
  name: string;
  version: string;
  source: "gallery" | "import";
  installedAt: string;
  upgradedAt: string | null;
  latestVersion: string | null;
  upgradable: boolean;
}

export function templatesApi(send: Send) {
  return {
    list: async () =>
      (await send<{ templates: GalleryTemplate[] }>({ method: "GET", path: "/api/templates" })).templates,
    install: (name: string, options: InstallOptions = {}) =>
      send<InstallResult>({ method: "POST", path: path`/api/templates/${name}/install`, body: options }),
    /** The app as a bundle (with every live record as sample data when `data`). */
    exportBundle: (appId: string, data: boolean) =>
      send<TemplateBundle>({ method: "GET", path: path`/api/apps/${appId}/export`, query: { data } }),
    importBundle: (bundle: unknown, options: Omit<InstallOptions, "name"> = {}) =>
      send<InstallResult>({
        method: "POST",
        path: "/api/apps/import",
        body: bundle,
        query: { ...options },
      }),
    appTemplate: async (appId: string) =>
      (
        await send<{ template: AppTemplateInfo | null }>({
          method: "GET",
          path: path`/api/apps/${appId}/template`,
        })
      ).template,
    upgrade: (appId: string) =>
      send<unknown>({ method: "POST", path: path`/api/apps/${appId}/template/upgrade` }),
  };
}

/** Built apart from createClient so the web app loads it with the gallery's chunk, not on every page. */
export function createTemplatesClient(options: ClientOptions = {}) {
  return templatesApi(createTransport(options));
}
