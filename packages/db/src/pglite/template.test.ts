import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedFromTemplate } from "./template";

// Directories stand in for data directories: a database is a directory with PG_VERSION in it.
describe("seedFromTemplate", () => {
  let root: string;
  let template: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "formwork-seed-"));
    template = join(root, "template");
    await mkdir(join(template, "base", "1"), { recursive: true });
    await writeFile(join(template, "PG_VERSION"), "17\n");
    await writeFile(join(template, "base", "1", "1259"), "catalog");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("copies the template into a data directory that does not exist yet, or is empty", async () => {
    expect(await seedFromTemplate(join(root, "new"), template)).toBe(true);
    expect(await readFile(join(root, "new", "base", "1", "1259"), "utf8")).toBe("catalog");
    await mkdir(join(root, "empty"));
    expect(await seedFromTemplate(join(root, "empty"), template)).toBe(true);
    expect(await readFile(join(root, "empty", "PG_VERSION"), "utf8")).toBe("17\n");
    expect((await readdir(root)).sort()).toEqual(["empty", "new", "template"]);
  });

  it("never touches a data directory that holds a database or anything else", async () => {
    const existing = join(root, "existing");
    await mkdir(existing);
    await writeFile(join(existing, "PG_VERSION"), "16\n");
    expect(await seedFromTemplate(existing, template)).toBe(false);
    expect(await readdir(existing)).toEqual(["PG_VERSION"]);

    const other = join(root, "other");
    await mkdir(other);
    await writeFile(join(other, "notes.txt"), "mine");
    expect(await seedFromTemplate(other, template)).toBe(false);
    expect(await readdir(other)).toEqual(["notes.txt"]);
    // The temporary copy is cleaned up.
    expect((await readdir(root)).sort()).toEqual(["existing", "other", "template"]);
  });

  it("does nothing without a template (PGlite runs initdb as before)", async () => {
    expect(await seedFromTemplate(join(root, "new"), join(root, "missing"))).toBe(false);
    expect(await readdir(root)).toEqual(["template"]);
  });
});
