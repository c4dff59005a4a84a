// Installing a gallery template outside HTTP: the CLI (`formwork template install crm`) and the bench.
// The same installBundle as POST /api/templates/:name/install, as the first active administrator
// (or the user named by email).
import { activeAdmins } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { DEFAULT_CONFIG } from "../../config";
import type { Db } from "../../database";
import { TemplateGallery } from "./gallery";
import { type InstallResult, installBundle } from "./install";

export interface GalleryInstallOptions {
  templatesDir: string;
  name: string;
  /** The installing user's email; default: the first active administrator. */
  as?: string;
  sampleData?: boolean;
  members?: "demo" | "installer";
  timeZone?: string;
}

export async function installFromGallery(
  db: Db,
  options: GalleryInstallOptions,
): Promise<Omit<InstallResult, "viewForms">> {
  const bundle = await new TemplateGallery(options.templatesDir).load(options.name);
  const actorId = options.as
    ? (
        await db
          .selectFrom("users")
          .select("id")
          .where("email", "=", options.as.trim().toLowerCase())
          .executeTakeFirst()
      )?.id
    : (await activeAdmins(db))[0];
  if (!actorId) {
    throw new FormworkError("NOT_FOUND", options.as ? `No user ${options.as}` : "No active administrator", [
      { path: "/as", message: "create an administrator first (formwork admin create)" },
    ]);
  }
  const { viewForms: _built, ...result } = await installBundle(db, bundle, actorId, {
    source: "gallery",
    timeZone: options.timeZone ?? DEFAULT_CONFIG.timeZone,
    ...(options.sampleData === undefined ? {} : { sampleData: options.sampleData }),
    ...(options.members ? { members: options.members } : {}),
  });
  return result;
}

/** The gallery's templates, for `formwork template list`. */
export function listGallery(templatesDir: string) {
  return new TemplateGallery(templatesDir).list();
}
