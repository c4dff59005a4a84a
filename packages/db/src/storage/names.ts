// Every identifier of a record table is generated here from ids we control (form uuid, field ids
// matching [a-z][a-z0-9_]*), bounded to PostgreSQL's 63 bytes with a hash so long names never collide
// by truncation, and always quoted where used.
import { createHash } from "node:crypto";

const MAX_IDENTIFIER = 63;
const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function shortHash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** `base` itself when it fits, else a prefix of it plus a hash of the whole. */
export function boundedIdentifier(base: string): string {
  if (!SAFE_IDENTIFIER.test(base)) throw new Error(`Unsafe identifier: ${base}`);
  if (base.length <= MAX_IDENTIFIER) return base;
  const hash = shortHash(base);
  return `${base.slice(0, MAX_IDENTIFIER - hash.length - 1)}_${hash}`;
}

/** Double-quoted identifier for raw DDL. Inputs are generated names, checked again here. */
export function quoteIdentifier(name: string): string {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`Unsafe identifier: ${name}`);
  return `"${name}"`;
}

export function recordTableName(formId: string): string {
  return boundedIdentifier(`r_${formId.replace(/-/g, "").toLowerCase()}`);
}

export function fieldColumnName(fieldId: string): string {
  return boundedIdentifier(`f_${fieldId}`);
}

export function childTableName(parentTable: string, subformFieldId: string): string {
  return boundedIdentifier(`${parentTable}__${subformFieldId}`);
}

export type IndexKind = "unique" | "btree" | "gin" | "composite" | "search" | "parent";

const INDEX_TAG: Record<IndexKind, string> = {
  unique: "u",
  btree: "i",
  gin: "g",
  composite: "c",
  search: "s",
  parent: "p",
};

/** Index names carry their kind and what they cover, so a publish diffs indexes by name alone. */
export function indexName(table: string, kind: IndexKind, covers: string): string {
  return boundedIdentifier(`${table}_${INDEX_TAG[kind]}_${covers}`);
}
