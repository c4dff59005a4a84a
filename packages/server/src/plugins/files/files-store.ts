import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";

export interface FileView {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export async function insertFile(
  db: Db,
  row: {
    id: string;
    name: string;
    mime: string;
    size: number;
    sha256: string;
    storagePath: string;
    createdBy: string;
  },
): Promise<FileView> {
  const inserted = await db
    .insertInto("files")
    .values({
      id: row.id,
      name: row.name,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      storage_path: row.storagePath,
      created_by: row.createdBy,
    })
    .returning(["id", "name", "mime", "size", "sha256", "created_at"])
    .executeTakeFirstOrThrow();
  return { ...inserted, createdAt: iso(inserted.created_at) };
}

export async function findFile(db: Db, id: string) {
  const row = await db.selectFrom("files").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new FormworkError("NOT_FOUND", "No such file");
  return row;
}

/** A display name safe for headers and file systems: no path, no control characters, bounded. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "file").slice(0, 255);
}

export function contentDisposition(mime: string, name: string): string {
  const inline = mime.startsWith("image/") || mime === "application/pdf";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
