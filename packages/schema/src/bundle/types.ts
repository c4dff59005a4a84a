// Template bundles (issue 9): an app as data — manifest, form definitions (a workflow form carries its
// flow), saved views, permission sets, placeholders for the organisation it expects, typed sections for
// features of other modules (dashboards, automations) and optional sample data. Everything refers to
// everything else by stable ids, never by database ids, so a bundle installs into any database.
import type { FieldLevel, PermissionSetKind, RecordAction } from "../permissions";
import type { FormDefinition, JsonLogic, Locale, LocalizedText } from "../types";

/** The version of the bundle format itself (not of the template). */
export const BUNDLE_FORMAT = 1;

export interface BundleManifest {
  /** Stable template name: lower-case letters, digits and `-` (`crm`, `expense`). */
  name: string;
  /** Semantic version of the template (`1.2.0`); upgrades compare it. */
  version: string;
  /** What the gallery and the new app show, per locale. */
  title: LocalizedText;
  description: LocalizedText;
  locales: Locale[];
  /** One of the app icons (APP_ICONS) and a `#rrggbb` colour. */
  icon?: string;
  colour?: string;
  /** File names under the template's folder (`screenshots/grid.png`), shown as previews. */
  screenshots?: string[];
  /** Free tags for the gallery (`sales`, `hr`). */
  categories?: string[];
}

/** A role the template expects: matched by name at install, or created. */
export interface RolePlaceholder {
  id: string;
  name: LocalizedText;
}

/** A department the template expects: matched by name at install, or created (under `parent`). */
export interface DepartmentPlaceholder {
  id: string;
  name: LocalizedText;
  parent?: string;
}

/**
 * A sample member (sample data's owners and member-field values). The installer creates each as a demo
 * user who cannot sign in (disabled, no password), or maps all of them to the installing user.
 */
export interface MemberPlaceholder {
  id: string;
  name: string;
  departments?: string[];
  /** Departments this member heads (a subset of `departments`). */
  heads?: string[];
  roles?: string[];
}

/** Who a permission set or a flow assignee names, by placeholder id. */
export type BundleMemberRef =
  | { type: "role"; id: string }
  | { type: "department"; id: string; includeSub?: boolean }
  | { type: "member"; id: string }
  /** 全部成员: every member of the company that installs the template (permission sets only). */
  | { type: "all" };

export interface BundlePermissionSet {
  id: string;
  /** The form's key. */
  form: string;
  name: string;
  kind: PermissionSetKind;
  actions?: RecordAction[];
  fields?: Record<string, FieldLevel>;
  rowCondition?: JsonLogic | null;
  members: BundleMemberRef[];
}

export interface BundleView {
  id: string;
  form: string;
  name: string;
  filter?: JsonLogic | null;
  sort?: { field: string; direction: "asc" | "desc" }[];
  columns?: string[];
  pageSize?: number;
  shared?: boolean;
}

/**
 * A definition owned by another module (a dashboard, an automation). The bundle checks only its id and
 * the forms it names; the owning module's own validator checks the rest when that module is present.
 */
export interface BundleSectionItem {
  id: string;
  [key: string]: unknown;
}

/** One sample record: a stable id other records' link fields use, its owner and its data. */
export interface SampleRecord {
  id: string;
  /** A member placeholder; absent = the installer. */
  owner?: string;
  /** Field id → value. Link values are sample record ids, member values member placeholder ids,
   * department values department placeholder ids; `{"$days": n}` is a date n days from the install day. */
  data: Record<string, unknown>;
  /** For workflow forms: the record is stored as finished with this outcome instead of starting a flow. */
  flowStatus?: "completed" | "rejected";
}

/** A form (by key) or a dashboard (by its bundle id) in the app's menu. */
export type BundleMenuLeaf = { type: "form"; form: string } | { type: "dashboard"; dashboard: string };

/** One entry of the app's menu: a leaf, or a named group of leaves (the name in the install's locale). */
export type BundleMenuItem =
  | BundleMenuLeaf
  | { type: "group"; id: string; name: LocalizedText; items: BundleMenuLeaf[] };

export interface TemplateBundle {
  format: typeof BUNDLE_FORMAT;
  manifest: BundleManifest;
  forms: FormDefinition[];
  views?: BundleView[];
  permissionSets?: BundlePermissionSet[];
  roles?: RolePlaceholder[];
  departments?: DepartmentPlaceholder[];
  members?: MemberPlaceholder[];
  dashboards?: BundleSectionItem[];
  automations?: BundleSectionItem[];
  /** The app's menu: forms by key and dashboards by bundle id, in groups; what it omits follows it. */
  menu?: BundleMenuItem[];
  /** Form key → records, inserted in link-dependency order. */
  sampleData?: Record<string, SampleRecord[]>;
}

/** Sections whose definitions belong to another module. */
export const BUNDLE_SECTIONS = ["dashboards", "automations"] as const;
export type BundleSection = (typeof BUNDLE_SECTIONS)[number];
