// Handwritten approval signatures for the print page, inlined as data URLs: a signature is a small image
// uploaded by the approver (no record owns it, so only they could download it); the print endpoint has
// already checked that the caller may print the record whose log carries it.
import type { Db } from "../../database";
import type { FileStorage } from "../files/file-storage";
import { findFile } from "../files/files-store";

/** Larger files are left out (a signature pad's PNG is a few KB). */
const MAX_SIGNATURE_BYTES = 512 * 1024;
/** Raster images only: nothing scriptable reaches the page, even as an <img>. */
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

interface LogEntry {
  signature: unknown;
}

async function dataUrl(db: Db, storage: FileStorage, fileId: string): Promise<string | null> {
  const file = await findFile(db, fileId).catch(() => null);
  if (!file || !IMAGE_TYPES.has(file.mime) || Number(file.size) > MAX_SIGNATURE_BYTES) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of storage.open(file.storage_path)) chunks.push(chunk as Buffer);
  return `data:${file.mime};base64,${Buffer.concat(chunks).toString("base64")}`;
}

export async function inlineSignatures<T extends LogEntry>(
  db: Db,
  storage: FileStorage,
  log: readonly T[],
): Promise<(T & { signatureImage: string | null })[]> {
  return Promise.all(
    log.map(async (entry) => {
      const fileId = (entry.signature as { fileId?: unknown } | null)?.fileId;
      const signatureImage = typeof fileId === "string" ? await dataUrl(db, storage, fileId) : null;
      return { ...entry, signatureImage };
    }),
  );
}
