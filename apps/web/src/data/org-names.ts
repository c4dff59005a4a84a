// Member and department fields store ids; the grid and the drawer show names. These pure helpers collect
// the ids on the shown records (for one batched look-up) and turn a stored value into names, with a
// "former member" / "deleted department" text for an id the directory no longer has.
import type { FormRecord, Revision } from "@formwork/client";
import type { FieldDefinition, Locale } from "@formwork/schema";
import type { GridColumn } from "./record-columns";

export type OrgKind = "member" | "department";

const KIND_OF: Record<string, OrgKind> = {
  member: "member",
  members: "member",
  department: "department",
  departments: "department",
};

export function orgKindOf(field: FieldDefinition | undefined): OrgKind | null {
  return field ? (KIND_OF[field.type] ?? null) : null;
}

/** Names by id; "loading" while the look-up runs; absent when it failed (the ids are shown then). */
export interface OrgNames {
  member?: ReadonlyMap<string, string> | "loading";
  department?: ReadonlyMap<string, string> | "loading";
  /** Shown for an id the directory does not know (a disabled or removed member, a deleted department). */
  missing: Record<OrgKind, string>;
  /** Shown while the names are being looked up. */
  loading: string;
}

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];
}

/** The distinct member and department ids in the records' org fields, sorted (a stable query key). */
export function collectOrgIds(
  records: readonly FormRecord[],
  columns: readonly GridColumn[],
): Record<OrgKind, string[]> {
  const found = { member: new Set<string>(), department: new Set<string>() };
  const orgColumns = columns.flatMap((c) => {
    const kind = orgKindOf(c.field);
    return kind ? [{ id: c.id, kind }] : [];
  });
  for (const record of records) {
    for (const { id, kind } of orgColumns) for (const value of idsIn(record.data[id])) found[kind].add(value);
  }
  return { member: [...found.member].sort(), department: [...found.department].sort() };
}

/** A revision diff's values as records (one per side), so their org ids are looked up like a page's. */
export function diffRecords(diffs: readonly Revision["diff"][]): FormRecord[] {
  return diffs.flatMap((diff) => {
    const entries = Object.entries(diff);
    return [
      { data: Object.fromEntries(entries.map(([id, change]) => [id, change.from])) },
      { data: Object.fromEntries(entries.map(([id, change]) => [id, change.to])) },
    ] as FormRecord[];
  });
}

/** An org field's value as names, joined like the field type's own format; null: format it as usual. */
export function orgText(
  value: unknown,
  field: FieldDefinition | undefined,
  names: OrgNames,
  separator: string,
): string | null {
  const kind = orgKindOf(field);
  if (!kind) return null;
  const ids = idsIn(value);
  if (ids.length === 0) return "";
  const known = names[kind];
  if (known === undefined) return null;
  if (known === "loading") return names.loading;
  return ids.map((id) => known.get(id) ?? names.missing[kind]).join(separator);
}

/** How the field types join several ids: the Chinese enumeration comma, or a comma and space. */
export function listSeparator(locale: Locale): string {
  return locale === "en" ? ", " : "、";
}

/** Splits ids into look-ups of at most `size` (the member API answers up to 200 ids at once). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
