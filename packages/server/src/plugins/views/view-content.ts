// A view's content checked against the form's published version: its filter must compile (the same
// compiler and pointers as the records list), its sort keys must be sortable fields, its columns fields
// of the form. Nothing invalid is ever stored, so opening a saved view cannot fail on its own content.
import { checkSort, type PublishedForm, SYSTEM_FIELDS, type ViewContent } from "@formwork/db";
import type { Principal } from "../auth/principal";
import { forbiddenField } from "../permissions/enforce";
import { compileRecordFilter, type FilterAccess } from "../records/record-filter";
import { blankName, repeatedColumn, unknownColumn } from "./errors";

export interface ViewBody {
  name?: string;
  shared?: boolean;
  filter?: unknown;
  sort?: { field: string; direction?: "asc" | "desc" }[];
  columns?: { id: string; visible: boolean; width?: number }[];
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 50;

/** `body` over `base` (a stored view being patched, or the defaults of a new one), checked. */
export function checkedContent(
  form: PublishedForm,
  principal: Principal,
  timeZone: string,
  base: ViewContent,
  body: ViewBody,
  access: FilterAccess = {},
): ViewContent {
  const name = (body.name ?? base.name).trim();
  if (name === "") throw blankName();
  const filter = body.filter === undefined ? base.filter : body.filter;
  // Compiled only to be checked: the list compiles it again per request (relative dates move on).
  if (filter !== null && filter !== undefined)
    compileRecordFilter(form, filter, principal, timeZone, "/filter", access);
  const sort = body.sort
    ? body.sort.map((key) => ({ field: key.field, direction: key.direction ?? ("asc" as const) }))
    : base.sort;
  checkSort(form, sort);
  // A view never sorts on a field hidden from the one who saves it (the list would refuse it anyway).
  sort.forEach((key, index) => {
    if (access.forbidden?.includes(key.field)) throw forbiddenField(`/sort/${index}/field`, key.field);
  });
  const columns = body.columns ? body.columns.map((c) => ({ ...c })) : base.columns;
  checkColumns(form, columns);
  return {
    name,
    shared: body.shared ?? base.shared,
    filter: filter ?? null,
    sort,
    columns,
    pageSize: body.pageSize ?? base.pageSize,
  };
}

function checkColumns(form: PublishedForm, columns: ViewContent["columns"]): void {
  const known = new Set<string>([
    ...form.definition.fields.map((field) => field.id),
    ...Object.keys(SYSTEM_FIELDS),
  ]);
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (!known.has(column.id)) throw unknownColumn(index, column.id);
    if (seen.has(column.id)) throw repeatedColumn(index, column.id);
    seen.add(column.id);
  });
}

export const EMPTY_VIEW: ViewContent = {
  name: "",
  shared: false,
  filter: null,
  sort: [],
  columns: [],
  pageSize: DEFAULT_PAGE_SIZE,
};
