import { pointer } from "../errors";
import { asArray, prop, stringProp } from "./tolerant";

export interface FieldInfo {
  id: string;
  type: string | undefined;
  /** JSON pointer of the field object. */
  path: string;
  /** The raw field object (possibly not schema-valid). */
  raw: unknown;
  /** Sub-form columns by id, the first one winning (only for sub-forms). */
  columns?: Map<string, FieldInfo>;
  /** Sub-form columns in document order, duplicates included (only for sub-forms). */
  columnList?: FieldInfo[];
  /** The sub-form holding this column. */
  parent?: FieldInfo;
}

/** The fields of a form by id, the first one winning when ids repeat (duplicates are reported elsewhere). */
export interface FieldIndex {
  fields: Map<string, FieldInfo>;
  /** Every field and column in document order. */
  all: FieldInfo[];
}

export function indexFields(form: unknown, basePath = ""): FieldIndex {
  const index: FieldIndex = { fields: new Map(), all: [] };
  asArray(prop(form, "fields")).forEach((raw, i) => {
    const id = stringProp(raw, "id");
    if (id === undefined) return;
    const info: FieldInfo = {
      id,
      type: stringProp(raw, "type"),
      path: `${basePath}${pointer("fields", i)}`,
      raw,
    };
    index.all.push(info);
    if (info.type === "subform") {
      info.columns = new Map();
      info.columnList = [];
      asArray(prop(raw, "fields")).forEach((rawColumn, j) => {
        const columnId = stringProp(rawColumn, "id");
        if (columnId === undefined) return;
        const column: FieldInfo = {
          id: columnId,
          type: stringProp(rawColumn, "type"),
          path: `${info.path}${pointer("fields", j)}`,
          raw: rawColumn,
          parent: info,
        };
        index.all.push(column);
        info.columnList?.push(column);
        if (!info.columns?.has(columnId)) info.columns?.set(columnId, column);
      });
    }
    if (!index.fields.has(id)) index.fields.set(id, info);
  });
  return index;
}

/** The key of a field in dependency graphs: `id`, or `subform.column`. */
export function fieldKey(field: FieldInfo): string {
  return field.parent ? `${field.parent.id}.${field.id}` : field.id;
}
