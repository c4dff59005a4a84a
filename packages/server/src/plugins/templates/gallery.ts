// The template gallery: the bundles shipped in the repository's `templates/` folder. A template is a
// folder holding `bundle.json` (everything but sample data), optionally `sample-data.json` (form key →
// sample records, kept apart because it is large and generated) and the screenshots its manifest names.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { validateTemplateBundle } from "@formwork/fields";
import {
  type BundleManifest,
  FormworkError,
  TEMPLATE_NAME_PATTERN,
  type TemplateBundle,
} from "@formwork/schema";

export interface GalleryEntry {
  name: string;
  manifest: BundleManifest;
  forms: { key: string; name: TemplateBundle["forms"][number]["name"] }[];
  sampleRecords: number;
  /** Which sections the bundle carries (forms, flows, dashboards, ...) and how many of each. */
  sections: Record<string, number>;
}

const NAME = new RegExp(TEMPLATE_NAME_PATTERN);

export class TemplateGallery {
  /** Loaded bundles by name, with the files' modification times they were read at. */
  private readonly cache = new Map<string, { stamp: string; bundle: Promise<TemplateBundle> }>();

  constructor(private readonly dir: string | null) {}

  async list(): Promise<GalleryEntry[]> {
    if (!this.dir) return [];
    const names = (await readdir(this.dir, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isDirectory() && NAME.test(e.name))
      .map((e) => e.name)
      .sort();
    const entries: GalleryEntry[] = [];
    for (const name of names) {
      const bundle = await this.load(name).catch(() => null);
      if (bundle) entries.push(summarize(name, bundle));
    }
    return entries;
  }

  /** The template's bundle, validated (a broken shipped template is a bug: it throws). */
  async load(name: string): Promise<TemplateBundle> {
    if (!this.dir || !NAME.test(name)) throw notFound(name);
    const folder = join(this.dir, name);
    // A template changed on disk (a newer version deployed) is read again: upgrades see it without a restart.
    const stamp = await stampOf(folder);
    const cached = this.cache.get(name);
    if (cached && cached.stamp === stamp) return cached.bundle;
    const bundle = this.read(folder, name);
    this.cache.set(name, { stamp, bundle });
    bundle.catch(() => this.cache.delete(name));
    return bundle;
  }

  /** A screenshot the template's manifest names, or NOT_FOUND. */
  async screenshot(name: string, file: string): Promise<Buffer> {
    const bundle = await this.load(name);
    if (!this.dir || !(bundle.manifest.screenshots ?? []).includes(file)) throw notFound(name);
    return readFile(join(this.dir, name, file));
  }

  private async read(folder: string, name: string): Promise<TemplateBundle> {
    const text = await readFile(join(folder, "bundle.json"), "utf8").catch(() => null);
    if (text === null) throw notFound(name);
    const bundle = JSON.parse(text) as TemplateBundle;
    const samples = await readFile(join(folder, "sample-data.json"), "utf8").catch(() => null);
    if (samples !== null) bundle.sampleData = JSON.parse(samples) as TemplateBundle["sampleData"];
    const checked = validateTemplateBundle(bundle);
    if (!checked.ok) {
      const first = checked.issues.slice(0, 5).map((i) => `${i.code} ${i.path}: ${i.message}`);
      throw new Error(`template "${name}" does not validate:\n${first.join("\n")}`);
    }
    if (checked.value.manifest.name !== name)
      throw new Error(`template folder "${name}" holds "${checked.value.manifest.name}"`);
    return checked.value;
  }
}

async function stampOf(folder: string): Promise<string> {
  const times = await Promise.all(
    ["bundle.json", "sample-data.json"].map((file) =>
      stat(join(folder, file)).then(
        (s) => `${s.mtimeMs}:${s.size}`,
        () => "-",
      ),
    ),
  );
  return times.join("|");
}

function summarize(name: string, bundle: TemplateBundle): GalleryEntry {
  return {
    name,
    manifest: bundle.manifest,
    forms: bundle.forms.map((f) => ({ key: f.key, name: f.name })),
    sampleRecords: Object.values(bundle.sampleData ?? {}).reduce((n, records) => n + records.length, 0),
    sections: {
      forms: bundle.forms.length,
      flows: bundle.forms.filter((f) => f.flow).length,
      views: bundle.views?.length ?? 0,
      permissionSets: bundle.permissionSets?.length ?? 0,
      dashboards: bundle.dashboards?.length ?? 0,
      automations: bundle.automations?.length ?? 0,
    },
  };
}

function notFound(name: string): FormworkError {
  return new FormworkError("NOT_FOUND", `No template "${name}"`, [
    { path: "/name", message: "not in the gallery" },
  ]);
}
