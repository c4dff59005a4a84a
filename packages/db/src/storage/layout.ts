// The physical layout a form definition implies: its table, typed columns, child tables for
// sub-forms and the indexes it asks for. Pure: the publisher diffs this against the catalog.
import { type FieldDefinition, type FormDefinition, FormworkError } from "@formwork/schema";
import { columnSpecOf, type SqlType } from "./columns";
import { childTableName, fieldColumnName, indexName, quoteIdentifier, shortHash } from "./names";

export interface ColumnLayout {
  fieldId: string;
  fieldType: FieldDefinition["type"];
  column: string;
  sqlType: SqlType;
  /** JSON pointer of the field in the definition, for error details. */
  path: string;
}

export interface ChildLayout {
  fieldId: string;
  table: string;
  columns: ColumnLayout[];
  path: string;
}

export interface IndexLayout {
  name: string;
  table: string;
  /** The full CREATE INDEX statement. */
  create: string;
  /** The field a unique or single-field index exists for, and its pointer in the definition. */
  fieldId?: string;
  fieldPath?: string;
}

export interface TableLayout {
  table: string;
  columns: ColumnLayout[];
  children: ChildLayout[];
  indexes: IndexLayout[];
  /** Text columns searched by `search`, in order; the search index covers exactly this expression. */
  searchColumns: string[];
}

/** System columns of every record table: name -> DDL. */
export const SYSTEM_COLUMNS: Record<string, string> = {
  id: "uuid PRIMARY KEY",
  version: "integer NOT NULL DEFAULT 1",
  created_by: "uuid",
  owner_id: "uuid",
  dept_id: "uuid",
  flow_status: "text",
  created_at: "timestamptz NOT NULL DEFAULT now()",
  updated_at: "timestamptz NOT NULL DEFAULT now()",
  deleted_at: "timestamptz",
};

export const CHILD_SYSTEM_COLUMNS = (parentTable: string): Record<string, string> => ({
  id: "uuid PRIMARY KEY",
  parent_id: `uuid NOT NULL REFERENCES ${quoteIdentifier(parentTable)} (id) ON DELETE CASCADE`,
  row_order: "integer NOT NULL",
});

/** System names usable in sorts, filters and extra indexes, and the column each reads. */
export const SYSTEM_FIELDS = {
  $id: { column: "id", sqlType: "uuid" },
  $version: { column: "version", sqlType: "integer" },
  $createdBy: { column: "created_by", sqlType: "uuid" },
  $ownerId: { column: "owner_id", sqlType: "uuid" },
  $deptId: { column: "dept_id", sqlType: "uuid" },
  $flowStatus: { column: "flow_status", sqlType: "text" },
  $createdAt: { column: "created_at", sqlType: "timestamptz" },
  $updatedAt: { column: "updated_at", sqlType: "timestamptz" },
} as const;
export type SystemFieldName = keyof typeof SYSTEM_FIELDS;

export function isSystemField(name: string): name is SystemFieldName {
  return Object.hasOwn(SYSTEM_FIELDS, name);
}

/** Field types whose text `search` looks into. Ids, option values and serial patterns are not prose. */
const SEARCHED_TYPES = new Set<FieldDefinition["type"]>(["text", "textarea", "serial", "phone", "email"]);

// A unit separator between fields so a search never matches across two fields' boundary.
const SEARCH_SEPARATOR = "E'\\x1f'";

/** The SQL expression `search` matches with ILIKE and the trigram index covers, identically. */
export function searchExpression(quotedColumns: readonly string[]): string {
  if (quotedColumns.length === 1) return `coalesce(${quotedColumns[0]}, '')`;
  return `(${quotedColumns.map((c) => `coalesce(${c}, '')`).join(` || ${SEARCH_SEPARATOR} || `)})`;
}

const LIVE_ROWS = "WHERE deleted_at IS NULL";

const FIELD_ID = /^[a-z][a-z0-9_]*$/;

function invalidDefinition(path: string, message: string): FormworkError {
  return new FormworkError("INVALID_DEFINITION", message, [{ path, message }]);
}

/**
 * Field ids become column and table names, so the storage layer checks them itself even though the
 * schema validator already did: a bad id is a 422 pointing at it, never a 500 from the database.
 */
function checkIds(fields: readonly FieldDefinition[], basePath: string): void {
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const path = `${basePath}/${index}/id`;
    if (typeof field.id !== "string" || !FIELD_ID.test(field.id)) {
      throw invalidDefinition(path, "A field id must match [a-z][a-z0-9_]*");
    }
    if (seen.has(field.id)) throw invalidDefinition(path, `Field id "${field.id}" is used twice`);
    seen.add(field.id);
  });
}

function columnsOf(fields: readonly FieldDefinition[], basePath: string): ColumnLayout[] {
  checkIds(fields, basePath);
  const columns: ColumnLayout[] = [];
  fields.forEach((field, index) => {
    if (field.type === "subform") return;
    const spec = columnSpecOf(field);
    if (!spec) return;
    columns.push({
      fieldId: field.id,
      fieldType: field.type,
      column: fieldColumnName(field.id),
      sqlType: spec.sqlType,
      path: `${basePath}/${index}`,
    });
  });
  return columns;
}

export function buildLayout(
  table: string,
  definition: FormDefinition,
  extraIndexes: readonly (readonly string[])[] = [],
): TableLayout {
  const columns = columnsOf(definition.fields, "/fields");
  const children: ChildLayout[] = [];
  definition.fields.forEach((field, index) => {
    if (field.type !== "subform") return;
    const path = `/fields/${index}`;
    children.push({
      fieldId: field.id,
      table: childTableName(table, field.id),
      columns: columnsOf(field.fields, `${path}/fields`),
      path,
    });
  });

  const indexes: IndexLayout[] = [];
  const byId = new Map(columns.map((c) => [c.fieldId, c]));
  const fieldsById = new Map(definition.fields.map((f) => [f.id, f]));
  for (const column of columns) {
    const field = fieldsById.get(column.fieldId);
    const quoted = quoteIdentifier(column.column);
    if (field?.unique) {
      const name = indexName(table, "unique", column.fieldId);
      indexes.push({
        name,
        table,
        create: `CREATE UNIQUE INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(table)} (${quoted}) ${LIVE_ROWS}`,
        fieldId: column.fieldId,
        fieldPath: `${column.path}/unique`,
      });
    } else if (field?.indexed) {
      const gin = column.sqlType === "text[]" || column.sqlType === "jsonb";
      const name = indexName(table, gin ? "gin" : "btree", column.fieldId);
      const method = gin ? "USING gin " : "";
      indexes.push({
        name,
        table,
        create: `CREATE INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(table)} ${method}(${quoted}) ${LIVE_ROWS}`,
        fieldId: column.fieldId,
        fieldPath: `${column.path}/indexed`,
      });
    }
  }

  extraIndexes.forEach((names, position) => {
    const index = extraIndexLayout(table, byId, names, position);
    if (index && !indexes.some((existing) => existing.name === index.name)) indexes.push(index);
  });

  const searchColumns = columns
    .filter((c) => c.sqlType === "text" && SEARCHED_TYPES.has(c.fieldType))
    .map((c) => c.column);
  if (searchColumns.length > 0) {
    const name = indexName(table, "search", shortHash(searchColumns.join(",")));
    const expression = searchExpression(searchColumns.map(quoteIdentifier));
    indexes.push({
      name,
      table,
      create: `CREATE INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(table)} USING gin ((${expression}) gin_trgm_ops)`,
    });
  }

  for (const child of children) {
    const name = indexName(child.table, "parent", "row");
    indexes.push({
      name,
      table: child.table,
      create: `CREATE INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(child.table)} (parent_id, row_order)`,
    });
  }

  return { table, columns, children, indexes, searchColumns };
}

/**
 * The btree over `names` (field ids or system names, in index order) that saved views and `indexes`
 * ask for; its name hashes the columns, so the same list always makes the same index. `position` only
 * places an error's pointer (`/indexes/<position>/<i>`).
 */
export function extraIndexLayout(
  table: string,
  byId: ReadonlyMap<string, ColumnLayout>,
  names: readonly string[],
  position = 0,
): IndexLayout | null {
  const quoted = names.map((name, i) => {
    if (isSystemField(name)) return quoteIdentifier(SYSTEM_FIELDS[name].column);
    const column = byId.get(name);
    if (!column || column.sqlType === "jsonb") {
      throw invalidDefinition(`/indexes/${position}/${i}`, `Cannot index "${name}": no such sortable field`);
    }
    return quoteIdentifier(column.column);
  });
  if (quoted.length === 0) return null;
  const name = indexName(table, "composite", shortHash(quoted.join(",")));
  return {
    name,
    table,
    create: `CREATE INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(table)} (${quoted.join(", ")}) ${LIVE_ROWS}`,
  };
}

/** Field ids (and system names) whose column leads or belongs to an index: filters on them count exactly. */
export function indexedNames(
  definition: FormDefinition,
  extraIndexes: readonly (readonly string[])[] = [],
): Set<string> {
  const names = new Set<string>(["$id"]);
  for (const field of definition.fields) if (field.unique || field.indexed) names.add(field.id);
  for (const list of extraIndexes) for (const name of list) names.add(name);
  return names;
}
