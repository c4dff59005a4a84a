// What a saved view holds for the grid — filter (json-logic), sort, columns and page size — and how the
// grid's working state compares with the view it came from (the "unsaved changes" mark).
import type { SavedView, SortKey, ViewInput } from "@formwork/client";
import { defaultView, type GridView, viewFromColumns } from "./grid-view";

export const PAGE_SIZES = [50, 100, 200, 500];
export const DEFAULT_PAGE_SIZE = 50;

export interface ViewState {
  /** json-logic in the records API's dialect; undefined = no filter. */
  filter: unknown;
  sort: SortKey[];
  columns: GridView;
  pageSize: number;
}

export function defaultState(columnIds: readonly string[]): ViewState {
  return { filter: undefined, sort: [], columns: defaultView(columnIds), pageSize: DEFAULT_PAGE_SIZE };
}

/** The grid state a saved view describes, its columns brought up to date with the form's. */
export function stateOfView(view: SavedView, columnIds: readonly string[]): ViewState {
  return {
    filter: view.filter ?? undefined,
    sort: view.sort.map((key) => ({ field: key.field, direction: key.direction })),
    columns: viewFromColumns(view.columns, columnIds),
    pageSize: view.pageSize,
  };
}

/** The body that saves the state into a view (name and sharing are the caller's). */
export function viewContent(state: ViewState): Omit<ViewInput, "name"> {
  return {
    filter: state.filter ?? null,
    sort: state.sort,
    columns: state.columns.columns,
    pageSize: state.pageSize,
  };
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(viewContent(a)) === JSON.stringify(viewContent(b));
}

/** Shared views first (as the server lists them), then the user's own. */
export function groupViews(views: readonly SavedView[]): { shared: SavedView[]; personal: SavedView[] } {
  return { shared: views.filter((v) => v.shared), personal: views.filter((v) => !v.shared) };
}

/** Whether the view's indexes are still being built, or one could not be built. */
export function indexProgress(view: SavedView | undefined): "ready" | "building" | "failed" {
  const states = view?.indexes.map((index) => index.status) ?? [];
  if (states.includes("failed")) return "failed";
  return states.some((s) => s === "pending" || s === "building") ? "building" : "ready";
}
