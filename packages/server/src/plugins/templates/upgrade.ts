// Upgrading an app installed from a template to the gallery's newer version, in one transaction: new
// placeholders are mapped (those of the last install are reused), every form of the new version goes
// through the normal publish path — changed forms get a new version, new forms are created, forms the
// new version dropped are kept (with their data) — and permission sets and views the app does not have
// yet (by name) are added. Records are never touched. An incompatible change (a type change without a
// lossless cast, a new unique field with repeated values) refuses the whole upgrade with
// INCOMPATIBLE_CHANGE, its detail paths pointing into the new bundle's form (`/forms/N/...`).
import {
  getAppTemplate,
  inRetriedTransaction,
  listPermissionSets,
  markAppTemplateUpgraded,
} from "@formwork/db";
import {
  BUNDLE_SECTIONS,
  type BundleSection,
  compareSemver,
  FormworkError,
  type TemplateBundle,
} from "@formwork/schema";
import type { Db } from "../../database";
import { writeAudit } from "../audit/audit-store";
import { createForm, listForms, saveDraft } from "../forms/forms-store";
import { publishDraft } from "../forms/publish";
import { installPermissionSets, installViews, mapPlaceholders, withoutSampleData } from "./install";
import { sectionInstallers } from "./sections";
import { mapFlowAssignees, toDatabase } from "./substitute";

export interface UpgradeResult {
  from: string;
  to: string;
  forms: { key: string; id: string; change: "added" | "changed" | "unchanged" | "kept"; version: number }[];
  permissionSets: number;
  views: number;
  /**
   * Items of other modules' sections added (by name: those the app has are left as the user made them);
   * automations by stable key: added, or changed where the new version changed them.
   */
  sections: Partial<Record<BundleSection, number>>;
  viewForms: string[];
  /** Form ids whose published version changed (their caches are stale after the commit). */
  republished: string[];
}

export async function upgradeApp(
  db: Db,
  appId: string,
  bundle: TemplateBundle,
  actorId: string,
  timeZone: string,
  now = new Date(),
): Promise<UpgradeResult> {
  return inRetriedTransaction(db, async (tx) => {
    const origin = await getAppTemplate(tx, appId, { forUpdate: true });
    if (!origin) {
      throw new FormworkError("CONFLICT", "This app was not installed from a template", [
        { path: "/app", message: "no template recorded for this app", code: "NOT_FROM_TEMPLATE" },
      ]);
    }
    if (origin.template !== bundle.manifest.name) {
      throw new FormworkError("CONFLICT", `The app comes from "${origin.template}"`, [
        { path: "/name", message: "another template" },
      ]);
    }
    if (compareSemver(bundle.manifest.version, origin.version) <= 0) {
      throw new FormworkError(
        "CONFLICT",
        `The app is at ${origin.version}; the gallery has ${bundle.manifest.version}`,
        [{ path: "/version", message: `not newer than ${origin.version}`, code: "TEMPLATE_UP_TO_DATE" }],
      );
    }
    const map = await mapPlaceholders(tx, bundle, actorId, appId, "demo", "zh-CN", origin.placeholders);
    const lookup = toDatabase(map);
    const installedForms = new Map(((origin.bundle as TemplateBundle).forms ?? []).map((f) => [f.key, f]));
    const existing = new Map((await listForms(tx, appId)).map((f) => [f.key, f]));
    const forms: UpgradeResult["forms"] = [];
    const republished: string[] = [];
    for (const [i, def] of bundle.forms.entries()) {
      const mapped = mapFlowAssignees(def, lookup);
      const current = existing.get(def.key);
      try {
        if (!current) {
          const created = await createForm(tx, appId, mapped, actorId);
          const { version } = await publishDraft(tx, created.id, actorId);
          forms.push({ key: def.key, id: created.id, change: "added", version });
          continue;
        }
        if (JSON.stringify(installedForms.get(def.key)) === JSON.stringify(def)) {
          forms.push({
            key: def.key,
            id: current.id,
            change: "unchanged",
            version: current.publishedVersion,
          });
          continue;
        }
        await saveDraft(tx, current.id, mapped);
        const { version } = await publishDraft(tx, current.id, actorId);
        forms.push({ key: def.key, id: current.id, change: "changed", version });
        republished.push(current.id);
      } catch (error) {
        throw error instanceof FormworkError &&
          (error.code === "INCOMPATIBLE_CHANGE" || error.code === "INVALID_DEFINITION")
          ? new FormworkError(
              error.code,
              `${def.key}: ${error.message}`,
              error.details.map((d) => ({ ...d, path: `/forms/${i}${d.path}` })),
            )
          : error;
      }
    }
    for (const [key, form] of existing) {
      if (!bundle.forms.some((f) => f.key === key)) {
        forms.push({ key, id: form.id, change: "kept", version: form.publishedVersion });
      }
    }
    const formIds = new Map(forms.map((f) => [f.key, f.id]));
    const setNames = new Map<string, Set<string>>();
    for (const [key, id] of formIds)
      setNames.set(key, new Set((await listPermissionSets(tx, id)).map((s) => s.name)));
    const permissionSets = await installPermissionSets(
      tx,
      bundle,
      formIds,
      map,
      actorId,
      timeZone,
      (set) => !setNames.get(set.form)?.has(set.name),
    );
    const viewNames = new Map<string, Set<string>>();
    for (const [key, id] of formIds) {
      const rows = await tx
        .selectFrom("views")
        .select("name")
        .where("form_id", "=", id)
        .where("shared", "=", true)
        .execute();
      viewNames.set(key, new Set(rows.map((r) => r.name)));
    }
    const newViews = (bundle.views ?? []).filter((v) => !viewNames.get(v.form)?.has(v.name));
    const viewForms = await installViews(tx, bundle, formIds, actorId, (v) => newViews.includes(v));
    const sections: UpgradeResult["sections"] = {};
    for (const section of BUNDLE_SECTIONS) {
      const installer = sectionInstallers[section];
      const items = bundle[section] ?? [];
      if (!installer || items.length === 0) continue;
      const ctx = {
        appId,
        formIds,
        map,
        actorId,
        now,
        timeZone,
        previous: (origin.bundle as TemplateBundle)[section] ?? [],
      };
      if (installer.upgrade) {
        sections[section] = await installer.upgrade(tx, items, ctx);
        continue;
      }
      const have = await installer.existingNames(tx, appId);
      const fresh = items.filter((item) => !have.has(installer.nameOf(item)));
      sections[section] = await installer.install(tx, fresh, ctx);
    }
    await markAppTemplateUpgraded(tx, {
      appId,
      version: bundle.manifest.version,
      bundle: withoutSampleData(bundle),
      placeholders: map,
    });
    await writeAudit(tx, {
      actorId,
      action: "template.upgrade",
      targetId: appId,
      detail: { template: bundle.manifest.name, from: origin.version, to: bundle.manifest.version },
    });
    return {
      from: origin.version,
      to: bundle.manifest.version,
      forms,
      permissionSets,
      views: newViews.length,
      sections,
      viewForms,
      republished,
    };
  });
}
