// Files the server finds next to itself. This module sits one level under apps/server both as source
// (src/) and bundled (dist/main.js), so the same relative paths serve `tsx src/main.ts` and the build.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The built web app (apps/web/dist), served at / when present. */
export const WEB_DIST = join(APP_DIR, "..", "web", "dist");

/** The initdb'd PGlite data directory `npm run build` makes (build.mjs); copied on a first start. */
export const PGLITE_TEMPLATE = join(APP_DIR, "dist", "pglite-template");

/** The template gallery: the repository's templates/ folder (apps/server/../../templates). */
export const TEMPLATES_DIR = process.env.FORMWORK_TEMPLATES_DIR ?? join(APP_DIR, "..", "..", "templates");
