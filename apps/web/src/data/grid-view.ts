// The column part of a grid view: which columns show, in which order and how wide. Saved views keep it
// on the server (./saved-views); reading one never throws: a damaged list is the default columns.

export interface ViewColumn {
  /** A field id, or a system column such as `$createdAt`. */
  id: string;
  visible: boolean;
  /** Pixels; absent means the column's natural width. */
  width?: number;
}

export interface GridView {
  columns: ViewColumn[];
}

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 800;

export function defaultView(columnIds: readonly string[]): GridView {
  return { columns: columnIds.map((id) => ({ id, visible: true })) };
}

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

function parseColumn(value: unknown): ViewColumn | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { id, visible, width } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof visible !== "boolean") return undefined;
  const column: ViewColumn = { id, visible };
  if (typeof width === "number" && Number.isFinite(width)) column.width = clampWidth(width);
  return column;
}

/**
 * The saved view brought up to date with the form's current columns: saved order and settings for the
 * columns that still exist, columns added since appended (visible), removed ones dropped.
 */
export function reconcileView(saved: GridView, columnIds: readonly string[]): GridView {
  const known = new Set(columnIds);
  const seen = new Set<string>();
  const columns: ViewColumn[] = [];
  for (const column of saved.columns) {
    if (!known.has(column.id) || seen.has(column.id)) continue;
    seen.add(column.id);
    columns.push(column);
  }
  for (const id of columnIds) if (!seen.has(id)) columns.push({ id, visible: true });
  return { columns };
}

/** Columns as a saved view lists them (any JSON), brought up to date with the form's columns. */
export function viewFromColumns(list: unknown, columnIds: readonly string[]): GridView {
  if (!Array.isArray(list) || list.length === 0) return defaultView(columnIds);
  const columns = list.map(parseColumn).filter((c): c is ViewColumn => c !== undefined);
  return reconcileView({ columns }, columnIds);
}

export function setColumnVisible(view: GridView, id: string, visible: boolean): GridView {
  return { columns: view.columns.map((c) => (c.id === id ? { ...c, visible } : c)) };
}

export function setColumnWidth(view: GridView, id: string, width: number): GridView {
  return { columns: view.columns.map((c) => (c.id === id ? { ...c, width: clampWidth(width) } : c)) };
}

/** Moves a column `delta` places (negative: towards the start), stopping at either end. */
export function moveColumn(view: GridView, id: string, delta: number): GridView {
  const from = view.columns.findIndex((c) => c.id === id);
  if (from < 0) return view;
  const to = Math.min(view.columns.length - 1, Math.max(0, from + delta));
  const columns = [...view.columns];
  const [moved] = columns.splice(from, 1);
  if (moved) columns.splice(to, 0, moved);
  return { columns };
}
