// The React side of a field type: one input component per type, collected in ./registry.ts. Inputs get
// what they need from outside (uploads, record search, people) through `FieldServices`, so this package
// stays free of the HTTP client and the app: the renderer supplies the services.
import type { FieldOf, FieldType, Locale } from "@formwork/schema";
import type { ComponentType } from "react";

/** A stored file as records keep it (the image and attachment value items). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

/** A record offered by a link picker: its id, the title shown and the data fill rules copy from. */
export interface RecordChoice {
  id: string;
  title: string;
  data: Record<string, unknown>;
}

export interface PersonChoice {
  id: string;
  name: string;
  /** Shown under the name, e.g. the member's primary department. */
  detail?: string;
}

/** A department of the organisation's tree; the pickers nest them by `parentId`. */
export interface DepartmentChoice {
  id: string;
  parentId: string | null;
  name: string;
}

export interface MemberSearch {
  /** Part of a name or email. */
  q?: string;
  /** Only members of these departments (and, with `includeSub`, of their sub-departments). */
  departmentIds?: readonly string[];
  includeSub?: boolean;
  /** Only these members: the names of values already chosen. */
  ids?: readonly string[];
  limit?: number;
}

export interface FieldServices {
  /** Stores a file; `onProgress` gets 0-100 while it uploads. */
  upload(file: Blob, name: string, onProgress: (percent: number) => void): Promise<FileRef>;
  fileUrl(fileId: string): string;
  /** Records of another form (by key) whose text matches `q`, for link pickers and lookups. */
  searchRecords(formKey: string, q: string, titleField?: string): Promise<RecordChoice[]>;
  /**
   * Records of another form (by key) matching a json-logic `filter` (null: every record), as the viewer
   * may see them, for related queries (关联查询) and the titles of records a link field names.
   */
  queryRecords(formKey: string, filter: unknown, limit: number, titleField?: string): Promise<RecordChoice[]>;
  /** Active members of the organisation, searched and filtered by the server. */
  searchMembers(query: MemberSearch): Promise<PersonChoice[]>;
  /** The whole department tree, parents before children. */
  listDepartments(): Promise<DepartmentChoice[]>;
}

export interface FieldInputProps<K extends FieldType> {
  field: FieldOf<K>;
  /** The value as entered (or, for computed fields, as computed). */
  value: unknown;
  onChange(value: unknown): void;
  readOnly: boolean;
  locale: Locale;
  services: FieldServices;
  /** DOM id of the input, so the field's label points at it. */
  inputId: string;
  /** The field has an error: inputs show their error state. */
  invalid: boolean;
  /**
   * For sub-forms: the rows as the pipeline prepared them (computed columns filled in), the messages
   * under this field keyed by the pointer relative to it ("/0/qty") and the hidden columns.
   */
  prepared?: unknown;
  issues?: ReadonlyMap<string, string>;
  hiddenColumns?: ReadonlySet<string>;
  /**
   * For related queries: the filter with this record's values put in, as JSON ("null": no filter); null
   * while a value it needs is blank (a record not saved yet, a field not filled).
   */
  related?: string | null;
  /** For link fields: the picked record's values to copy into other fields (fill rules). */
  onFill?(values: Record<string, unknown>): void;
}

export type FieldInput<K extends FieldType> = ComponentType<FieldInputProps<K>>;

/** Every field type's input; a type missing here fails to compile. */
export type FieldInputRegistry = { [K in FieldType]: FieldInput<K> };
