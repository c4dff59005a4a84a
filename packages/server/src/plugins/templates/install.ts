// Installing a bundle as a new app, in ONE transaction: the app, the organisation placeholders, every
// form through the normal publish path (definition check, DDL, version, flow version, audit), permission
// sets through their content check, shared views, sample data through the fields pipeline, and the
// app_templates row naming the template and version. Any failure leaves nothing behind. Installing the
// same template again installs a new copy (as Jiandaoyun does): a second app, its own forms.
import {
  type AppTemplateView,
  inRetriedTransaction,
  insertPermissionSet,
  insertView,
  loadPublishedForm,
  type MemberMode,
  mapDepartments,
  mapMembers,
  mapRoles,
  namesOf,
  type PlaceholderMap,
  recordAppTemplate,
} from "@formwork/db";
import { BUNDLE_SECTIONS, type BundleSection, type Locale, type TemplateBundle } from "@formwork/schema";
import type { Db } from "../../database";
import { type AppView, createApp } from "../apps/apps-store";
import { writeAudit } from "../audit/audit-store";
import { createForm } from "../forms/forms-store";
import { publishDraft } from "../forms/publish";
import { checkedSetContent } from "../permissions/set-content";
import { installMenu } from "./bundle-menu";
import { localized } from "./localized";
import { insertSampleData } from "./sample-data";
import { type SectionContext, sectionInstallers } from "./sections";
import { mapFlowAssignees, toDatabase, toPermissionMembers } from "./substitute";

export interface InstallOptions {
  source: "gallery" | "import";
  /** Write the bundle's sample data (default true when it has some). */
  sampleData?: boolean;
  /** Sample members as disabled demo users (default) or all as the installer. */
  members?: MemberMode;
  /** The new app's name; default: the manifest's title in `locale`. */
  name?: string;
  locale?: Locale;
  timeZone: string;
  now?: Date;
}

export interface InstallResult {
  app: AppView;
  template: { name: string; version: string };
  forms: { key: string; id: string; version: number }[];
  permissionSets: number;
  views: number;
  records: number;
  /** Sections the server cannot install yet (their feature is not here), with how many items were left. */
  skipped: { section: BundleSection; count: number; code: "FEATURE_NOT_AVAILABLE" }[];
  installed: Partial<Record<BundleSection, number>>;
  /** Form ids whose views asked for indexes: built after the commit. */
  viewForms: string[];
}

export async function installBundle(
  db: Db,
  bundle: TemplateBundle,
  actorId: string,
  options: InstallOptions,
): Promise<InstallResult> {
  const locale = options.locale ?? "zh-CN";
  const now = options.now ?? new Date();
  return inRetriedTransaction(db, async (tx) => {
    const app = await createApp(
      tx,
      {
        name: options.name ?? localized(bundle.manifest.title, locale),
        description: localized(bundle.manifest.description, locale),
        icon: bundle.manifest.icon ?? null,
        colour: bundle.manifest.colour ?? null,
      },
      actorId,
    );
    const map = await mapPlaceholders(tx, bundle, actorId, app.id, options.members ?? "demo", locale);
    const forms = await publishForms(tx, app.id, bundle, map, actorId);
    const formIds = new Map(forms.map((f) => [f.key, f.id]));
    const permissionSets = await installPermissionSets(tx, bundle, formIds, map, actorId, options.timeZone);
    const viewForms = await installViews(tx, bundle, formIds, actorId);
    const records =
      options.sampleData === false
        ? 0
        : await insertSampleData(tx, bundle, {
            now,
            timeZone: options.timeZone,
            actorId,
            map,
            formIds,
            primaryDepartment: await primaryDepartments(tx, Object.values(map.members)),
          });
    const dashboardIds = new Map<string, string>();
    const { installed, skipped } = await installSections(tx, bundle, {
      appId: app.id,
      formIds,
      map,
      actorId,
      now,
      timeZone: options.timeZone,
      storedIds: dashboardIds,
    });
    await installMenu(tx, bundle, app.id, { forms: formIds, dashboards: dashboardIds }, locale);
    await recordAppTemplate(tx, {
      appId: app.id,
      template: bundle.manifest.name,
      version: bundle.manifest.version,
      source: options.source,
      bundle: withoutSampleData(bundle),
      placeholders: map,
      actorId,
    });
    await writeAudit(tx, {
      actorId,
      action: "template.install",
      targetId: app.id,
      detail: { template: bundle.manifest.name, version: bundle.manifest.version, source: options.source },
    });
    return {
      app,
      template: { name: bundle.manifest.name, version: bundle.manifest.version },
      forms,
      permissionSets,
      views: bundle.views?.length ?? 0,
      records,
      skipped,
      installed,
      viewForms,
    };
  });
}

export function withoutSampleData(bundle: TemplateBundle): TemplateBundle {
  const { sampleData: _samples, ...rest } = bundle;
  return rest;
}

export async function mapPlaceholders(
  tx: Db,
  bundle: TemplateBundle,
  actorId: string,
  tag: string,
  members: MemberMode,
  locale: Locale,
  previous?: PlaceholderMap,
): Promise<PlaceholderMap> {
  const fresh = <T extends { id: string }>(
    items: readonly T[] | undefined,
    done: Record<string, string> = {},
  ) => (items ?? []).filter((item) => done[item.id] === undefined);
  const roles = {
    ...previous?.roles,
    ...(await mapRoles(
      tx,
      fresh(bundle.roles, previous?.roles),
      namesOf(bundle.manifest.title)[0] ?? bundle.manifest.name,
    )),
  };
  const departments = {
    ...previous?.departments,
    ...(await mapDepartments(tx, fresh(bundle.departments, previous?.departments))),
  };
  const memberMap = {
    ...previous?.members,
    ...(await mapMembers(
      tx,
      fresh(bundle.members, previous?.members),
      { roles, departments },
      {
        mode: members,
        installerId: actorId,
        tag: tag.replace(/-/g, "").slice(-12),
      },
    )),
  };
  void locale;
  return { roles, departments, members: memberMap };
}

export async function publishForms(
  tx: Db,
  appId: string,
  bundle: TemplateBundle,
  map: PlaceholderMap,
  actorId: string,
): Promise<InstallResult["forms"]> {
  const forms: InstallResult["forms"] = [];
  const lookup = toDatabase(map);
  for (const def of bundle.forms) {
    const created = await createForm(tx, appId, mapFlowAssignees(def, lookup), actorId);
    const { version } = await publishDraft(tx, created.id, actorId);
    forms.push({ key: def.key, id: created.id, version });
  }
  return forms;
}

export async function installPermissionSets(
  tx: Db,
  bundle: TemplateBundle,
  formIds: Map<string, string>,
  map: PlaceholderMap,
  actorId: string,
  timeZone: string,
  only?: (set: NonNullable<TemplateBundle["permissionSets"]>[number]) => boolean,
): Promise<number> {
  let count = 0;
  for (const set of bundle.permissionSets ?? []) {
    if (only && !only(set)) continue;
    const formId = formIds.get(set.form)!;
    const form = (await loadPublishedForm(tx, formId))!;
    const content = checkedSetContent(
      form,
      {
        name: set.name,
        kind: set.kind,
        ...(set.actions ? { actions: set.actions } : {}),
        ...(set.fields ? { fields: set.fields } : {}),
        ...(set.rowCondition !== undefined ? { rowCondition: set.rowCondition } : {}),
        members: toPermissionMembers(set.members, map),
      },
      timeZone,
    );
    await insertPermissionSet(tx, formId, content, actorId);
    count++;
  }
  return count;
}

export async function installViews(
  tx: Db,
  bundle: TemplateBundle,
  formIds: Map<string, string>,
  actorId: string,
  only?: (view: NonNullable<TemplateBundle["views"]>[number]) => boolean,
): Promise<string[]> {
  const touched = new Set<string>();
  for (const view of bundle.views ?? []) {
    if (only && !only(view)) continue;
    const formId = formIds.get(view.form)!;
    const form = (await loadPublishedForm(tx, formId))!;
    await insertView(tx, form, actorId, {
      name: view.name,
      shared: view.shared ?? true,
      filter: view.filter ?? null,
      sort: view.sort ?? [],
      columns: (view.columns ?? []).map((id) => ({ id, visible: true })),
      pageSize: view.pageSize ?? 50,
    });
    touched.add(formId);
  }
  return [...touched];
}

async function primaryDepartments(tx: Db, userIds: string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (userIds.length === 0) return result;
  const rows = await tx
    .selectFrom("department_members")
    .select(["user_id", "department_id"])
    .where("user_id", "in", [...new Set(userIds)])
    .where("is_primary", "=", true)
    .execute();
  for (const row of rows) result.set(row.user_id, row.department_id);
  return result;
}

async function installSections(
  tx: Db,
  bundle: TemplateBundle,
  ctx: SectionContext,
): Promise<Pick<InstallResult, "installed" | "skipped">> {
  const installed: InstallResult["installed"] = {};
  const skipped: InstallResult["skipped"] = [];
  for (const section of BUNDLE_SECTIONS) {
    const items = bundle[section] ?? [];
    if (items.length === 0) continue;
    const installer = sectionInstallers[section];
    if (!installer) {
      skipped.push({ section, count: items.length, code: "FEATURE_NOT_AVAILABLE" });
      continue;
    }
    installed[section] = await installer.install(tx, items, ctx);
  }
  return { installed, skipped };
}

export type { AppTemplateView };
