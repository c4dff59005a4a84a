// Exporting an app as a bundle: published definitions (a never-published form's draft), shared views,
// permission sets, and — with `data` — every live record as sample data. Database ids become stable
// placeholders: roles and departments by name (an import matches them by name again), users as member
// placeholders, records as `<form key>_<n>` in creation order, so export → import → export is equal.
import {
  getAppTemplate,
  listPermissionSets,
  loadPublishedForm,
  type PublishedForm,
  queryRecords,
} from "@formwork/db";
import {
  BUNDLE_FORMAT,
  BUNDLE_SECTIONS,
  type BundleMemberRef,
  type BundlePermissionSet,
  type BundleSection,
  type BundleSectionItem,
  type BundleView,
  type DepartmentPlaceholder,
  type FieldDefinition,
  type FormDefinition,
  type MemberPlaceholder,
  type RolePlaceholder,
  type SampleRecord,
  type TemplateBundle,
} from "@formwork/schema";
import type { Db } from "../../database";
import { getApp } from "../apps/apps-store";
import { getForm, listForms } from "../forms/forms-store";
import { exportMenu } from "./bundle-menu";
import { sectionInstallers } from "./sections";
import { mapFlowAssignees } from "./substitute";

/** Field types whose values cannot travel in a bundle: files stay in this server's storage. */
const NOT_EXPORTED = new Set(["image", "attachment", "signature"]);

class Placeholders {
  readonly roles = new Map<string, RolePlaceholder>();
  readonly departments = new Map<string, DepartmentPlaceholder>();
  readonly members = new Map<string, MemberPlaceholder>();
  constructor(private readonly db: Db) {}

  role(id: string): string {
    return this.take(this.roles, id, "role", (placeholder) => ({ id: placeholder, name: "" }));
  }
  department(id: string): string {
    return this.take(this.departments, id, "dept", (placeholder) => ({ id: placeholder, name: "" }));
  }
  member(id: string): string {
    return this.take(this.members, id, "member", (placeholder) => ({ id: placeholder, name: "" }));
  }

  private take<T extends { id: string }>(
    map: Map<string, T>,
    id: string,
    prefix: string,
    make: (p: string) => T,
  ): string {
    let item = map.get(id);
    if (!item) {
      item = make(`${prefix}_${map.size + 1}`);
      map.set(id, item);
    }
    return item.id;
  }

  /** Names the placeholders; members bring their departments and roles along. */
  async resolve(): Promise<Pick<TemplateBundle, "roles" | "departments" | "members">> {
    const memberIds = [...this.members.keys()];
    if (memberIds.length > 0) {
      const users = await this.db
        .selectFrom("users")
        .select(["id", "name"])
        .where("id", "in", memberIds)
        .execute();
      const depts = await this.db
        .selectFrom("department_members")
        .select(["user_id", "department_id", "is_primary", "is_head"])
        .where("user_id", "in", memberIds)
        .orderBy("user_id")
        .orderBy("is_primary", "desc")
        .orderBy("department_id")
        .execute();
      const roles = await this.db
        .selectFrom("user_roles")
        .select(["user_id", "role_id"])
        .where("user_id", "in", memberIds)
        .orderBy("role_id")
        .execute();
      for (const [id, member] of this.members) {
        member.name = users.find((u) => u.id === id)?.name ?? member.id;
        const own = depts.filter((d) => d.user_id === id);
        if (own.length > 0) member.departments = own.map((d) => this.department(d.department_id));
        const heads = own.filter((d) => d.is_head).map((d) => this.department(d.department_id));
        if (heads.length > 0) member.heads = heads;
        const held = roles.filter((r) => r.user_id === id).map((r) => this.role(r.role_id));
        if (held.length > 0) member.roles = held;
      }
    }
    // Parents come along so a department is matched in the same place of the tree.
    for (let added = true; added; ) {
      added = false;
      const ids = [...this.departments.keys()];
      const rows =
        ids.length === 0
          ? []
          : await this.db
              .selectFrom("departments")
              .select(["id", "name", "parent_id"])
              .where("id", "in", ids)
              .execute();
      for (const row of rows) {
        const placeholder = this.departments.get(row.id)!;
        placeholder.name = row.name;
        if (row.parent_id !== null) {
          if (!this.departments.has(row.parent_id)) added = true;
          placeholder.parent = this.department(row.parent_id);
        }
      }
    }
    const roleIds = [...this.roles.keys()];
    const roleRows =
      roleIds.length === 0
        ? []
        : await this.db.selectFrom("roles").select(["id", "name"]).where("id", "in", roleIds).execute();
    for (const row of roleRows) this.roles.get(row.id)!.name = row.name;
    const list = <T>(map: Map<string, T>) => (map.size > 0 ? [...map.values()] : undefined);
    return {
      ...(list(this.roles) ? { roles: list(this.roles) } : {}),
      ...(list(this.departments) ? { departments: list(this.departments) } : {}),
      ...(list(this.members) ? { members: list(this.members) } : {}),
    };
  }
}

export async function exportAppBundle(
  db: Db,
  appId: string,
  options: { data: boolean },
): Promise<TemplateBundle> {
  const app = await getApp(db, appId);
  const origin = await getAppTemplate(db, appId);
  const placeholders = new Placeholders(db);
  const summaries = await listForms(db, appId);
  const forms: { def: FormDefinition; published: PublishedForm | null; id: string }[] = [];
  for (const summary of summaries) {
    const published = summary.publishedVersion > 0 ? await loadPublishedForm(db, summary.id) : null;
    const def = published?.definition ?? (await getForm(db, summary.id)).definition;
    forms.push({
      id: summary.id,
      published,
      def: mapFlowAssignees(def, (kind, id) =>
        kind === "roles"
          ? placeholders.role(id)
          : kind === "departments"
            ? placeholders.department(id)
            : placeholders.member(id),
      ),
    });
  }
  const permissionSets: NonNullable<TemplateBundle["permissionSets"]> = [];
  const views: BundleView[] = [];
  for (const { def, id } of forms) {
    for (const [i, set] of (await listPermissionSets(db, id)).entries()) {
      permissionSets.push({
        id: `${def.key}_set_${i + 1}`,
        form: def.key,
        name: set.name,
        kind: set.kind,
        actions: set.actions,
        fields: set.fields,
        rowCondition: (set.rowCondition ?? null) as BundlePermissionSet["rowCondition"],
        members: set.members.map((m): BundleMemberRef => {
          if (m.type === "all") return { type: "all" };
          if (m.type === "role") return { type: "role", id: placeholders.role(m.id) };
          if (m.type === "user") return { type: "member", id: placeholders.member(m.id) };
          return {
            type: "department",
            id: placeholders.department(m.id),
            ...(m.type === "department" && m.includeSub ? { includeSub: true } : {}),
          };
        }),
      });
    }
    const shared = await db
      .selectFrom("views")
      .select(["name", "filter", "sort", "columns", "page_size"])
      .where("form_id", "=", id)
      .where("shared", "=", true)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    for (const [i, view] of shared.entries()) {
      views.push({
        id: `${def.key}_view_${i + 1}`,
        form: def.key,
        name: view.name,
        ...(view.filter !== null ? { filter: view.filter as BundleView["filter"] } : {}),
        sort: view.sort as BundleView["sort"],
        columns: (view.columns as { id: string; visible: boolean }[])
          .filter((c) => c.visible)
          .map((c) => c.id),
        pageSize: view.page_size,
        shared: true,
      });
    }
  }
  const sampleData = options.data ? await exportRecords(db, forms, placeholders) : undefined;
  const sections = await exportSections(db, appId, origin?.bundle as TemplateBundle | undefined, (id) =>
    placeholders.member(id),
  );
  const menu = await exportMenu(db, appId, new Map(forms.map((f) => [f.id, f.def.key])));
  const org = await placeholders.resolve();
  const manifest = origin ? (origin.bundle as TemplateBundle).manifest : undefined;
  return {
    format: BUNDLE_FORMAT,
    manifest: {
      name: manifest?.name ?? "app",
      version: manifest?.version ?? "1.0.0",
      title: app.name,
      description: app.description ?? "",
      locales: manifest?.locales ?? ["zh-CN", "en"],
      ...(app.icon ? { icon: app.icon } : {}),
      ...(app.colour ? { colour: app.colour } : {}),
    },
    forms: forms.map((f) => f.def),
    ...(views.length > 0 ? { views } : {}),
    ...(permissionSets.length > 0 ? { permissionSets } : {}),
    ...org,
    ...sections,
    ...(menu.length > 0 ? { menu } : {}),
    ...(sampleData ? { sampleData } : {}),
  };
}

/**
 * Sections this server stores are read back from their modules; a section it cannot store yet is passed
 * on from the bundle the app was installed from, so an export loses nothing the install skipped.
 */
async function exportSections(
  db: Db,
  appId: string,
  installed: TemplateBundle | undefined,
  memberOf: (userId: string) => string,
) {
  const out: Partial<Record<BundleSection, BundleSectionItem[]>> = {};
  for (const section of BUNDLE_SECTIONS) {
    const installer = sectionInstallers[section];
    const items = installer ? await installer.export(db, appId, memberOf) : (installed?.[section] ?? []);
    if (items.length > 0) out[section] = items;
  }
  return out;
}

async function exportRecords(
  db: Db,
  forms: { def: FormDefinition; published: PublishedForm | null }[],
  placeholders: Placeholders,
): Promise<Record<string, SampleRecord[]>> {
  const recordIds = new Map<string, string>();
  const pages = new Map<
    string,
    { owner: string | null; flowStatus: string | null; data: Record<string, unknown> }[]
  >();
  for (const { def, published } of forms) {
    if (!published) continue;
    const rows: { owner: string | null; flowStatus: string | null; data: Record<string, unknown> }[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryRecords(db, published, {
        limit: 1000,
        count: false,
        ...(cursor ? { cursor } : {}),
      });
      for (const record of page.records) {
        recordIds.set(record.id, `${def.key}_${rows.length + 1}`);
        rows.push({ owner: record.ownerId, flowStatus: record.flowStatus, data: record.data });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    pages.set(def.key, rows);
  }
  const out: Record<string, SampleRecord[]> = {};
  for (const { def } of forms) {
    const rows = pages.get(def.key);
    if (!rows) continue;
    out[def.key] = rows.map((row, i) => ({
      id: `${def.key}_${i + 1}`,
      ...(row.owner ? { owner: placeholders.member(row.owner) } : {}),
      ...(row.flowStatus === "completed" || row.flowStatus === "rejected"
        ? { flowStatus: row.flowStatus }
        : {}),
      data: exportValues(row.data, def.fields, recordIds, placeholders),
    }));
  }
  return out;
}

function exportValues(
  data: Record<string, unknown>,
  fields: readonly FieldDefinition[],
  recordIds: Map<string, string>,
  placeholders: Placeholders,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = data[field.id];
    if (
      value === undefined ||
      value === null ||
      field.formula ||
      field.type === "serial" ||
      NOT_EXPORTED.has(field.type)
    )
      continue;
    const each = (map: (v: string) => string | undefined) => {
      const mapped = (Array.isArray(value) ? value : [value])
        .map((v) => map(String(v)))
        .filter((v): v is string => v !== undefined);
      return Array.isArray(value) ? mapped : mapped[0];
    };
    let exported: unknown = value;
    if (field.type === "link") exported = each((v) => recordIds.get(v));
    else if (field.type === "member" || field.type === "members")
      exported = each((v) => placeholders.member(v));
    else if (field.type === "department" || field.type === "departments")
      exported = each((v) => placeholders.department(v));
    else if (field.type === "subform" && Array.isArray(value)) {
      exported = value.map((row) =>
        exportValues(row as Record<string, unknown>, field.fields ?? [], recordIds, placeholders),
      );
    }
    if (exported !== undefined) out[field.id] = exported;
  }
  return out;
}
