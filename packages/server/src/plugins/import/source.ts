// The uploaded file an import reads: one the caller uploaded through POST /api/files (so the upload
// size limit and type checks have already applied), of a spreadsheet type, opened as a sheet.
import { FormworkError } from "@formwork/schema";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { FileStorage } from "../files/file-storage";
import { type OpenedSheet, openSheet, sheetKindOf } from "./parse/sheet";
import type { ReadLimits, TextEncoding } from "./parse/sheet-row";

export function readLimits(config: ServerConfig): ReadLimits {
  const { maxRows, maxColumns, maxCellChars, maxUnzippedBytes, maxZipRatio } = config.imports;
  return { maxRows, maxColumns, maxCellChars, maxUnzippedBytes, maxZipRatio };
}

export interface ImportFile {
  id: string;
  name: string;
  sheet: OpenedSheet;
}

export async function openImportFile(
  db: Db,
  storage: FileStorage,
  fileId: string,
  uploaderId: string,
  encoding: TextEncoding | undefined,
  limits: ReadLimits,
): Promise<ImportFile> {
  const file = await db
    .selectFrom("files")
    .select(["id", "name", "mime", "storage_path", "created_by"])
    .where("id", "=", fileId)
    .executeTakeFirst();
  // Another user's upload is as absent as a missing one.
  if (!file || file.created_by !== uploaderId)
    throw new FormworkError("NOT_FOUND", "No such uploaded file", [
      { path: "/fileId", message: "not found" },
    ]);
  const kind = sheetKindOf(file.mime, file.name);
  if (!kind)
    throw new FormworkError("UNSUPPORTED_MEDIA_TYPE", "Import an .xlsx or .csv file", [
      { path: "/fileId", message: `${file.mime} is not a spreadsheet` },
    ]);
  const sheet = await openSheet({ path: storage.pathOf(file.storage_path), kind }, encoding, limits);
  return { id: file.id, name: file.name, sheet };
}

/** Data rows of the file, counted by reading it once (the limits apply here too). */
export async function countRows(sheet: OpenedSheet): Promise<number> {
  let count = 0;
  for await (const _ of sheet.rows) count += 1;
  return count;
}
