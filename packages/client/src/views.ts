// Saved grid views of a form: GET/POST /api/forms/:form/views, GET/PATCH/DELETE /api/views/:view.
import { path, type Send } from "./transport";
import type { SortKey } from "./types";

export interface SavedViewColumn {
  /** A field id or a system name such as `$createdAt`. */
  id: string;
  visible: boolean;
  /** Pixels (40–2000); absent = the column's natural width. */
  width?: number;
}

export interface ViewIndexState {
  name: string;
  columns: string[];
  /** "skipped": the form already has as many view indexes as it may. */
  status: "pending" | "building" | "ready" | "failed" | "skipped";
  error?: string;
}

export interface SavedView {
  id: string;
  formId: string;
  name: string;
  /** Shared with everyone who may read the form; else the owner's alone. */
  shared: boolean;
  ownerId: string;
  /** json-logic (the records list's filter dialect), or null. */
  filter: unknown;
  sort: SortKey[];
  columns: SavedViewColumn[];
  pageSize: number;
  version: number;
  /** Whether the signed-in user may change or delete it. */
  canEdit: boolean;
  indexes: ViewIndexState[];
  createdAt: string;
  updatedAt: string;
}

export interface ViewList {
  views: SavedView[];
  /** Whether the signed-in user may create shared views of the form. */
  canShare: boolean;
}

export interface ViewInput {
  name: string;
  shared?: boolean;
  filter?: unknown;
  sort?: SortKey[];
  columns?: SavedViewColumn[];
  pageSize?: number;
}

export function viewsApi(send: Send) {
  return {
    list: (formId: string) => send<ViewList>({ method: "GET", path: path`/api/forms/${formId}/views` }),
    get: (viewId: string) => send<SavedView>({ method: "GET", path: path`/api/views/${viewId}` }),
    create: (formId: string, view: ViewInput) =>
      send<SavedView>({ method: "POST", path: path`/api/forms/${formId}/views`, body: view }),
    /** Changes the given parts; with `version`, fails with VERSION_CONFLICT (412) if someone saved since. */
    update: (viewId: string, patch: Partial<ViewInput>, version?: number) =>
      send<SavedView>({
        method: "PATCH",
        path: path`/api/views/${viewId}`,
        body: patch,
        headers: version === undefined ? undefined : { "If-Match": `"${version}"` },
      }),
    remove: (viewId: string) => send<void>({ method: "DELETE", path: path`/api/views/${viewId}` }),
  };
}
