// A brand-new PGlite data directory costs an `initdb` (a second WASM program and a temporary second
// Postgres instance): ~10 s and ~300 MB of RSS the process keeps afterwards, on every first start. A
// directory initdb made once, at build time, is copied instead; from then on the start is a resume.
import { randomBytes } from "node:crypto";
import { cp, rename, rm, stat } from "node:fs/promises";

const hasDatabase = (dir: string) =>
  stat(`${dir}/PG_VERSION`).then(
    () => true,
    () => false,
  );

/**
 * Copies `template` (a closed PGlite data directory) to `dataDir` when `dataDir` holds no database yet,
 * through a temporary sibling renamed into place, so a crash mid-copy never leaves a half database that
 * would look complete. Returns whether it copied; when it could not (no template, or `dataDir` exists
 * and is not empty), PGlite runs initdb as usual.
 */
export async function seedFromTemplate(dataDir: string, template: string): Promise<boolean> {
  if ((await hasDatabase(dataDir)) || !(await hasDatabase(template))) return false;
  const partial = `${dataDir}.seeding-${randomBytes(4).toString("hex")}`;
  try {
    await cp(template, partial, { recursive: true, errorOnExist: true, force: false });
    // rename(2) replaces an empty directory and refuses a non-empty one: never overwrites data.
    await rename(partial, dataDir);
    return true;
  } catch {
    await rm(partial, { recursive: true, force: true });
    return false;
  }
}
