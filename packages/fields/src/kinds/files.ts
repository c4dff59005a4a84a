// Uploaded files (image, attachment): a list of references to files the server stored, with the name,
// size and MIME type it recorded. The file bytes never travel in a record.
import type { FieldBase, FileSettings, Locale } from "@formwork/schema";
import { joinList } from "../shared/format";
import { issue, type ValueIssue } from "../shared/messages";
import { hasNul, ID_PATTERN, isPlainObject, nullable } from "../shared/values";
import type { JsonSchema } from "../types";

export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

/** A record holds at most this many files per field whatever the designer says. */
export const FILES_HARD_MAX = 50;

type FilesField = FieldBase & FileSettings;

export const fileRefSchema: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string", pattern: ID_PATTERN },
    name: { type: "string", minLength: 1, maxLength: 255 },
    size: { type: "integer", minimum: 0 },
    type: { type: "string", maxLength: 255 },
  },
  required: ["id", "name", "size", "type"],
  additionalProperties: false,
};

export function filesValueSchema(field: FilesField): JsonSchema {
  return nullable({
    type: "array",
    items: fileRefSchema,
    maxItems: Math.min(field.maxFiles ?? FILES_HARD_MAX, FILES_HARD_MAX),
  });
}

export function normalizeFiles(value: unknown): unknown {
  if (isPlainObject(value)) value = [value];
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return null;
  const seen = new Set<unknown>();
  const files: unknown[] = [];
  for (const item of value) {
    if (!isPlainObject(item)) {
      files.push(item);
      continue;
    }
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const file: Record<string, unknown> = { ...item };
    if (typeof file.name === "string") file.name = file.name.trim();
    if (typeof file.type === "string") file.type = file.type.trim().toLowerCase();
    files.push(file);
  }
  return files;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/** `<input accept>` semantics: ".pdf", "image/png", "image/*". */
export function accepts(accept: readonly string[], file: { name: string; type: string }): boolean {
  return accept.some((rule) => {
    const r = rule.trim().toLowerCase();
    if (r.startsWith(".")) return extensionOf(file.name) === r;
    if (r.endsWith("/*")) return file.type.startsWith(r.slice(0, -1));
    return file.type === r;
  });
}

function isFileRef(value: unknown): value is FileRef {
  return (
    isPlainObject(value) &&
    typeof value.id === "string" &&
    typeof value.name === "string" &&
    typeof value.size === "number" &&
    typeof value.type === "string"
  );
}

export function validateFiles(value: unknown, field: FilesField, defaultAccept: string[] = []): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [issue("", "应为文件列表", "Must be a list of files")];
  const issues: ValueIssue[] = [];
  const maxFiles = Math.min(field.maxFiles ?? FILES_HARD_MAX, FILES_HARD_MAX);
  if (value.length > maxFiles) issues.push(issue("", `最多 ${maxFiles} 个文件`, `At most ${maxFiles} files`));
  const accept = field.accept && field.accept.length > 0 ? field.accept : defaultAccept;
  value.slice(0, FILES_HARD_MAX + 1).forEach((file, i) => {
    const path = `/${i}`;
    if (!isFileRef(file)) {
      issues.push(issue(path, "文件信息不完整", "Is not a valid file reference"));
      return;
    }
    if (hasNul(file.name))
      issues.push(issue(`${path}/name`, "包含不允许的空字符", "Contains a NUL character"));
    if (field.maxSize !== undefined && file.size > field.maxSize)
      issues.push(
        issue(`${path}/size`, `文件超过 ${field.maxSize} 字节`, `File is larger than ${field.maxSize} bytes`),
      );
    if (accept.length > 0 && !accepts(accept, file))
      issues.push(issue(`${path}/type`, "不支持的文件类型", "This file type is not accepted"));
  });
  return issues;
}

export function formatFiles(value: unknown, locale: Locale): string {
  if (!Array.isArray(value)) return "";
  return joinList(
    value.map((f) => (isPlainObject(f) && typeof f.name === "string" ? f.name : "")).filter(Boolean),
    locale,
  );
}
