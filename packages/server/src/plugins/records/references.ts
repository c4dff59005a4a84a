// The write path's checks against other data: linked records must exist (live) in the linked form,
// members must be active users, and files must be uploads the writer may attach. All run on the write's
// transaction, in one query per referenced form or table, whatever the batch size.
import { isId, type PublishedForm, queryRecords } from "@formwork/db";
import { type ErrorDetail, type FieldDefinition, FormworkError, pointerSegment } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";

/** One reference found in a record: where it sits and what it names. */
interface Reference {
  path: string;
  id: string;
}

interface FileReference extends Reference {
  /** Which of the records being written holds it. */
  record: number;
  /** Image and attachment refs carry name/size/type that must be the server's, not the client's. */
  ref: Record<string, unknown> | null;
}

export interface ReferenceCheckContext {
  db: Db;
  form: PublishedForm;
  appId: string;
  actorId: string;
  /** The record being updated (its attached files may stay), or null on create. */
  recordId: string | null;
  loadForm: (formId: string, db: Db) => Promise<PublishedForm>;
}

/** The references found in the records about to be written, by kind. */
export interface Collected {
  links: Map<string, Reference[]>;
  members: Reference[];
  files: FileReference[];
}

/** Whether checking `found` needs the database at all. */
export function hasReferences(found: Collected): boolean {
  return found.links.size > 0 || found.members.length > 0 || found.files.length > 0;
}

/** Walks the records' data (sub-form rows included) and sorts the references by kind. */
export function findReferences(
  fields: readonly FieldDefinition[],
  datas: { base: string; data: Record<string, unknown> }[],
): Collected {
  const out: Collected = { links: new Map(), members: [], files: [] };
  if (!mayRefer(fields)) return out;
  const visit = (
    defs: readonly FieldDefinition[],
    data: Record<string, unknown>,
    base: string,
    record: number,
  ) => {
    for (const field of defs) {
      if (!Object.hasOwn(data, field.id)) continue;
      const value = data[field.id];
      if (value === null || value === undefined || !REFERRING.has(field.type)) continue;
      const path = `${base}/${pointerSegment(field.id)}`;
      switch (field.type) {
        case "link": {
          const list = out.links.get(field.form) ?? [];
          for (const ref of idsOf(value, path)) list.push(ref);
          out.links.set(field.form, list);
          break;
        }
        case "member":
        case "members":
          out.members.push(...idsOf(value, path));
          break;
        case "image":
        case "attachment":
          if (Array.isArray(value)) {
            value.forEach((item, i) => {
              const ref = item as Record<string, unknown>;
              if (typeof ref?.id === "string")
                out.files.push({ path: `${path}/${i}`, id: ref.id, ref, record });
            });
          }
          break;
        case "signature": {
          const fileId = (value as { fileId?: unknown }).fileId;
          if (typeof fileId === "string")
            out.files.push({ path: `${path}/fileId`, id: fileId, ref: null, record });
          break;
        }
        case "subform":
          if (Array.isArray(value)) {
            value.forEach((row, i) => {
              if (row && typeof row === "object")
                visit(field.fields, row as Record<string, unknown>, `${path}/${i}`, record);
            });
          }
          break;
        default:
          break;
      }
    }
  };
  for (const [record, { base, data }] of datas.entries()) visit(fields, data, base, record);
  return out;
}

/** The field types whose values refer to other data (findReferences' cases). */
const REFERRING = new Set<string>([
  "link",
  "member",
  "members",
  "image",
  "attachment",
  "signature",
  "subform",
]);

const referring = new WeakMap<readonly FieldDefinition[], boolean>();

/** Whether any of the fields (sub-forms' columns included) can hold a reference; once per fields array. */
function mayRefer(fields: readonly FieldDefinition[]): boolean {
  let known = referring.get(fields);
  if (known === undefined) {
    known = fields.some(
      (field) => REFERRING.has(field.type) && (field.type !== "subform" || mayRefer(field.fields)),
    );
    referring.set(fields, known);
  }
  return known;
}

function idsOf(value: unknown, path: string): Reference[] {
  if (typeof value === "string") return [{ path, id: value }];
  if (Array.isArray(value)) {
    return value.flatMap((id, i) => (typeof id === "string" ? [{ path: `${path}/${i}`, id }] : []));
  }
  return [];
}

/**
 * Checks every reference of the records about to be written and brings file refs in line with the
 * stored files. Throws VALIDATION_FAILED listing each dangling reference; returns, per record, the
 * file ids to attach to it once it has its id.
 */
export async function checkReferences(
  ctx: ReferenceCheckContext,
  datas: { base: string; data: Record<string, unknown> }[],
  found: Collected = findReferences(ctx.form.definition.fields, datas),
): Promise<string[][]> {
  const problems: ErrorDetail[] = [];
  for (const [formKey, refs] of found.links) problems.push(...(await missingLinks(ctx, formKey, refs)));
  problems.push(...(await missingMembers(ctx.db, found.members)));
  problems.push(...(await checkFiles(ctx, found.files)));
  if (problems.length > 0) {
    throw new FormworkError("VALIDATION_FAILED", "The record refers to data that does not exist", problems);
  }
  return datas.map((_, record) => [
    ...new Set(found.files.filter((f) => f.record === record).map((f) => f.id)),
  ]);
}

async function missingLinks(
  ctx: ReferenceCheckContext,
  formKey: string,
  refs: Reference[],
): Promise<ErrorDetail[]> {
  if (refs.length === 0) return [];
  const target = await ctx.db
    .selectFrom("forms")
    .select("id")
    .where("app_id", "=", ctx.appId)
    .where("key", "=", formKey)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const wellFormed = [...new Set(refs.map((r) => r.id).filter(isId))];
  let existing = new Set<string>();
  if (target && wellFormed.length > 0) {
    const linked = await ctx.loadForm(target.id, ctx.db).catch(() => null);
    if (linked) {
      const page = await queryRecords(ctx.db, linked, {
        filter: sql<boolean>`id = ANY(${wellFormed}::uuid[])`,
        fields: [],
        limit: Math.min(1000, wellFormed.length),
        count: false,
      });
      existing = new Set(page.records.map((r) => r.id));
    }
  }
  return refs
    .filter((r) => !existing.has(r.id))
    .map((r) => ({
      path: r.path,
      message: `no record ${r.id} in form "${formKey}"`,
      code: "LINK_NOT_FOUND",
    }));
}

async function missingMembers(db: Db, refs: Reference[]): Promise<ErrorDetail[]> {
  if (refs.length === 0) return [];
  const wellFormed = [...new Set(refs.map((r) => r.id).filter(isId))];
  const rows = wellFormed.length
    ? await db
        .selectFrom("users")
        .select("id")
        .where("id", "in", wellFormed)
        .where("disabled", "=", false)
        .execute()
    : [];
  const existing = new Set(rows.map((row) => row.id));
  return refs
    .filter((r) => !existing.has(r.id))
    .map((r) => ({ path: r.path, message: `no active user ${r.id}`, code: "MEMBER_NOT_FOUND" }));
}

/** A file may be referenced by its uploader while unattached, or by anyone if this record already holds it. */
async function checkFiles(ctx: ReferenceCheckContext, refs: FileReference[]): Promise<ErrorDetail[]> {
  if (refs.length === 0) return [];
  const wellFormed = [...new Set(refs.map((r) => r.id).filter(isId))];
  const rows = wellFormed.length
    ? await ctx.db
        .selectFrom("files")
        .select(["id", "name", "size", "mime", "record_id", "form_id", "created_by"])
        .where("id", "in", wellFormed)
        .execute()
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const problems: ErrorDetail[] = [];
  for (const ref of refs) {
    const file = byId.get(ref.id);
    const usable =
      file !== undefined &&
      (file.record_id === null
        ? file.created_by === ctx.actorId
        : file.record_id === ctx.recordId && file.form_id === ctx.form.id);
    if (!file || !usable) {
      problems.push({
        path: ref.path,
        message: `no uploaded file ${ref.id} you may attach`,
        code: "FILE_NOT_FOUND",
      });
      continue;
    }
    if (ref.ref) Object.assign(ref.ref, { name: file.name, size: file.size, type: file.mime });
  }
  return problems;
}

/** Marks the files as belonging to the record, so readers of the record may download them. */
export async function attachFiles(
  db: Db,
  formId: string,
  recordId: string,
  fileIds: readonly string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .updateTable("files")
    .set({ form_id: formId, record_id: recordId })
    .where("id", "in", fileIds)
    .where((eb) => eb.or([eb("record_id", "is", null), eb("record_id", "=", recordId)]))
    .execute();
}
