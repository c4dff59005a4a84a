// Spreadsheet cells as field values, before the write path's own normalisation and validation (the
// same as a submit's): numbers stay numbers, option labels are left for the fields pipeline to map,
// lists are split at commas, member and department names or e-mails become ids (looked up per batch
// in SQL), and dates and times take the app's time zone. Only cached values ever arrive here (the
// readers never evaluate formulas), and formula text typed into a text cell is stored as text.
import { wallClockText } from "@formwork/expressions";
import type { FieldDefinition } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import type { CellValue } from "./parse/sheet-row";

/** Field types a column can fill. Files, signatures, sub-forms, links and computed fields cannot. */
export const IMPORTABLE_TYPES = new Set<FieldDefinition["type"]>([
  "text",
  "textarea",
  "email",
  "phone",
  "number",
  "money",
  "rating",
  "date",
  "datetime",
  "select",
  "radio",
  "multiselect",
  "checkbox",
  "member",
  "members",
  "department",
  "departments",
]);

const MEMBER_TYPES = new Set<FieldDefinition["type"]>(["member", "members"]);
const DEPARTMENT_TYPES = new Set<FieldDefinition["type"]>(["department", "departments"]);
const MULTI_TYPES = new Set<FieldDefinition["type"]>(["multiselect", "checkbox", "members", "departments"]);
// , ， 、 ; ； and a line break. Escaped: a regular expression is the one place where esbuild keeps
// non-ASCII characters, and the server bundle must stay ASCII (apps/server/build.mjs).
const LIST_SEPARATORS = /[,\uff0c\u3001;\uff1b\n]/;

export function isImportable(field: FieldDefinition): boolean {
  return IMPORTABLE_TYPES.has(field.type) && !(field as { formula?: unknown }).formula;
}

/** Lower-cased member names and e-mails, department names → ids (several: ambiguous). */
export interface NameDirectory {
  users: Map<string, string[]>;
  departments: Map<string, string[]>;
}

const key = (text: string) => text.trim().toLowerCase();

function listOf(cell: CellValue): string[] {
  if (cell === null) return [];
  return String(cell)
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The names a batch's member and department cells mention, looked up in two statements. */
export async function lookupNames(
  db: Db,
  fields: readonly FieldDefinition[],
  rows: readonly (readonly CellValue[])[],
  columnOf: ReadonlyMap<string, number>,
): Promise<NameDirectory> {
  const users = new Set<string>();
  const departments = new Set<string>();
  for (const field of fields) {
    const column = columnOf.get(field.id);
    if (column === undefined) continue;
    const target = MEMBER_TYPES.has(field.type)
      ? users
      : DEPARTMENT_TYPES.has(field.type)
        ? departments
        : null;
    if (!target) continue;
    for (const row of rows) for (const name of listOf(row[column] ?? null)) target.add(key(name));
  }
  const directory: NameDirectory = { users: new Map(), departments: new Map() };
  const add = (map: Map<string, string[]>, name: string, id: string) => {
    const ids = map.get(name) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(name, ids);
  };
  if (users.size > 0) {
    const { rows: found } = await sql<{ id: string; name: string; email: string }>`
      SELECT id, lower(name) AS name, lower(email) AS email FROM users
      WHERE NOT disabled AND (lower(name) = ANY(${[...users]}::text[]) OR lower(email) = ANY(${[...users]}::text[]))`.execute(
      db,
    );
    for (const user of found) {
      if (users.has(user.email)) add(directory.users, user.email, user.id);
      if (users.has(user.name)) add(directory.users, user.name, user.id);
    }
  }
  if (departments.size > 0) {
    const { rows: found } = await sql<{ id: string; name: string }>`
      SELECT id, lower(name) AS name FROM departments WHERE lower(name) = ANY(${[...departments]}::text[])`.execute(
      db,
    );
    for (const department of found) add(directory.departments, department.name, department.id);
  }
  return directory;
}

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function wallClockMs(date: Date): number {
  return Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/** The instant a wall-clock time names in a zone (offset looked up twice, which settles DST edges). */
export function instantOfWallClock(wallMs: number, timeZone: string): Date {
  let instant = wallMs;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${wallClockText(new Date(instant), timeZone).replace(" ", "T")}Z`);
    instant = wallMs - (shown - instant);
  }
  return new Date(instant);
}

// 年 月 日 escaped, as above.
const WALL_CLOCK =
  /^(\d{4})[-/.\u5e74](\d{1,2})[-/.\u6708](\d{1,2})\u65e5?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function dateTimeValue(cell: CellValue, timeZone: string): unknown {
  if (cell instanceof Date) return instantOfWallClock(wallClockMs(cell), timeZone).toISOString();
  if (typeof cell !== "string") return cell;
  const match = WALL_CLOCK.exec(cell.trim());
  if (!match) return cell; // with an offset, or not a date: the pipeline decides
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0));
  return instantOfWallClock(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!), timeZone).toISOString();
}

function resolveNames(
  names: string[],
  directory: Map<string, string[]>,
  what: string,
): Converted & { ids?: string[] } {
  const ids: string[] = [];
  for (const name of names) {
    const found = directory.get(key(name)) ?? [];
    if (found.length === 0) return { ok: false, message: `No ${what} named "${name}"` };
    if (found.length > 1)
      return { ok: false, message: `Several ${what}s are named "${name}"; use the e-mail` };
    ids.push(found[0]!);
  }
  return { ok: true, value: ids, ids };
}

/** The API value for a cell of `field`, or why the cell cannot be one. */
export function cellToValue(
  field: FieldDefinition,
  cell: CellValue,
  context: { timeZone: string; names: NameDirectory },
): Converted {
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return { ok: true, value: null };
  if (MEMBER_TYPES.has(field.type) || DEPARTMENT_TYPES.has(field.type)) {
    const members = MEMBER_TYPES.has(field.type);
    const resolved = resolveNames(
      listOf(cell),
      members ? context.names.users : context.names.departments,
      members ? "member" : "department",
    );
    if (!resolved.ok) return resolved;
    const ids = resolved.ids ?? [];
    return { ok: true, value: MULTI_TYPES.has(field.type) ? ids : (ids[0] ?? null) };
  }
  if (MULTI_TYPES.has(field.type)) return { ok: true, value: listOf(cell) };
  switch (field.type) {
    case "date":
      return {
        ok: true,
        value: cell instanceof Date ? new Date(wallClockMs(cell)).toISOString().slice(0, 10) : cell,
      };
    case "datetime":
      return { ok: true, value: dateTimeValue(cell, context.timeZone) };
    case "number":
    case "money":
    case "rating":
      return { ok: true, value: typeof cell === "boolean" ? String(cell) : cell };
    default:
      if (cell instanceof Date)
        return { ok: true, value: wallClockText(cell, "UTC").replace(/ 00:00:00$/, "") };
      return { ok: true, value: String(cell) };
  }
}
