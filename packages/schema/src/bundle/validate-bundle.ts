// validateBundle: a bundle is checked like every definition — never throws, returns every issue with a
// stable code and a JSON pointer into the bundle. Forms go through the form validator the caller plugs
// in (the fields package's, with the real formula parser); dashboards and automations through their
// modules' validators when given; then every cross-reference by stable id is checked.
import type { FormsByKey } from "../dashboard/validate-dashboard";
import { pointerSegment } from "../errors";
import { definitionAjv } from "../schemas/registry";
import type { DefinitionIssue, FieldDefinition, FormDefinition } from "../types";
import type { DefinitionIssueCode } from "../validate/codes";
import { type DefinitionValidation, IssueList } from "../validate/result";
import { checkSchema } from "../validate/schema-issues";
import { asArray, asObject, prop } from "../validate/tolerant";
import type { BundleIssueCode } from "./codes";
import { allFields, flowAssignees, formsReadBy, linkOrder } from "./references";
import { BUNDLE_SCHEMA_ID, bundleSchema } from "./schema";
import { DEFAULT_SECTION_VALIDATORS, mapAutomationUsers } from "./sections";
import { isSemver } from "./semver";
import { BUNDLE_FORMAT, type BundleMenuLeaf, type BundleSection, type TemplateBundle } from "./types";

/** A module's check of one item of its section, given the bundle's forms by key. */
export type SectionValidator = (item: unknown, forms: FormsByKey) => DefinitionIssue[];

export interface BundleValidationOptions {
  /** The full form check (`validateDefinition` of @formwork/fields). */
  validateForm: (def: unknown) => DefinitionValidation<FormDefinition>;
  /**
   * Validators of other modules' sections, over the defaults (dashboards: validateDashboard); a section
   * without one is checked for unique ids and the forms it names only.
   */
  sections?: Partial<Record<BundleSection, SectionValidator>>;
}

class BundleIssues {
  readonly items: DefinitionIssue[] = [];
  add(code: BundleIssueCode | DefinitionIssueCode, path: string, message: string): void {
    this.items.push({ code, path, message });
  }
}

const seg = pointerSegment;

export function validateBundle(
  bundle: unknown,
  options: BundleValidationOptions,
): DefinitionValidation<TemplateBundle> {
  const issues = new BundleIssues();
  if (prop(bundle, "format") !== BUNDLE_FORMAT) {
    issues.add("UNSUPPORTED_FORMAT", "/format", `this version reads bundle format ${BUNDLE_FORMAT}`);
    return { ok: false, issues: issues.items };
  }
  if (!definitionAjv().getSchema(BUNDLE_SCHEMA_ID)) definitionAjv().addSchema(bundleSchema);
  const shape = new IssueList();
  checkSchema(BUNDLE_SCHEMA_ID, bundle, shape);
  if (shape.items.length > 0) return { ok: false, issues: shape.items };
  const b = bundle as TemplateBundle;
  if (!isSemver(b.manifest.version)) {
    issues.add("INVALID_VERSION", "/manifest/version", `"${b.manifest.version}" is not a semantic version`);
  }
  const forms = checkForms(b, options, issues);
  const placeholders = checkPlaceholders(b, issues);
  checkFlows(b, forms, placeholders, issues);
  checkPermissionSets(b, forms, placeholders, issues);
  checkViews(b, forms, issues);
  for (const section of ["dashboards", "automations"] as const)
    checkSection(b, section, forms, options, issues);
  checkAutomationMembers(b, placeholders, issues);
  checkMenu(b, forms, issues);
  checkSampleData(b, forms, placeholders, issues);
  return issues.items.length === 0 ? { ok: true, value: b } : { ok: false, issues: issues.items };
}

/** Forms by key; `valid` ones passed the form validator, so their shape can be trusted by later checks. */
type FormIndex = Map<string, { form: FormDefinition; fields: Map<string, FieldDefinition>; valid: boolean }>;

function checkForms(b: TemplateBundle, options: BundleValidationOptions, issues: BundleIssues): FormIndex {
  const index: FormIndex = new Map();
  const valid: boolean[] = [];
  for (const [i, form] of b.forms.entries()) {
    const result = options.validateForm(form);
    valid[i] = result.ok;
    if (!result.ok)
      for (const issue of result.issues) issues.items.push({ ...issue, path: `/forms/${i}${issue.path}` });
    const key = prop(form, "key");
    if (typeof key !== "string") continue;
    if (index.has(key)) {
      issues.add("DUPLICATE_ID", `/forms/${i}/key`, `another form has the key "${key}"`);
      continue;
    }
    const fields = new Map(
      asArray(prop(form, "fields")).flatMap((f) => {
        const id = prop(f, "id");
        return typeof id === "string" ? [[id, f as FieldDefinition] as const] : [];
      }),
    );
    index.set(key, { form, fields, valid: valid[i] === true });
  }
  for (const [i, form] of b.forms.entries()) {
    if (!valid[i]) continue;
    for (const [field, at] of allFields(form, `/forms/${i}`)) {
      for (const target of formsReadBy(field)) {
        if (!index.has(target)) issues.add("UNKNOWN_FORM", `${at}/form`, `no form "${target}" in the bundle`);
      }
    }
  }
  return index;
}

interface Placeholders {
  roles: Set<string>;
  departments: Set<string>;
  members: Set<string>;
}

function uniqueIds(
  items: readonly { id: string }[] | undefined,
  section: string,
  issues: BundleIssues,
): Set<string> {
  const ids = new Set<string>();
  for (const [i, item] of (items ?? []).entries()) {
    if (ids.has(item.id)) issues.add("DUPLICATE_ID", `/${section}/${i}/id`, `"${item.id}" appears twice`);
    ids.add(item.id);
  }
  return ids;
}

function checkPlaceholders(b: TemplateBundle, issues: BundleIssues): Placeholders {
  const p: Placeholders = {
    roles: uniqueIds(b.roles, "roles", issues),
    departments: uniqueIds(b.departments, "departments", issues),
    members: uniqueIds(b.members, "members", issues),
  };
  for (const [i, d] of (b.departments ?? []).entries()) {
    if (d.parent !== undefined && (!p.departments.has(d.parent) || d.parent === d.id)) {
      issues.add("UNKNOWN_DEPARTMENT", `/departments/${i}/parent`, `no other department "${d.parent}"`);
    }
  }
  for (const [i, m] of (b.members ?? []).entries()) {
    for (const [j, d] of (m.departments ?? []).entries()) {
      if (!p.departments.has(d))
        issues.add("UNKNOWN_DEPARTMENT", `/members/${i}/departments/${j}`, `no department "${d}"`);
    }
    for (const [j, d] of (m.heads ?? []).entries()) {
      if (!(m.departments ?? []).includes(d)) {
        issues.add("UNKNOWN_DEPARTMENT", `/members/${i}/heads/${j}`, `heads "${d}" but is not in it`);
      }
    }
    for (const [j, r] of (m.roles ?? []).entries()) {
      if (!p.roles.has(r)) issues.add("UNKNOWN_ROLE", `/members/${i}/roles/${j}`, `no role "${r}"`);
    }
  }
  return p;
}

function checkFlows(b: TemplateBundle, forms: FormIndex, p: Placeholders, issues: BundleIssues): void {
  for (const [i, form] of b.forms.entries()) {
    if (forms.get(form.key)?.form !== form || !forms.get(form.key)?.valid) continue;
    for (const [assignee, at] of flowAssignees(form, `/forms/${i}`)) {
      if ("role" in assignee && !p.roles.has(assignee.role)) {
        issues.add("UNKNOWN_ROLE", `${at}/role`, `no role placeholder "${assignee.role}"`);
      } else if ("department" in assignee && !p.departments.has(assignee.department)) {
        issues.add(
          "UNKNOWN_DEPARTMENT",
          `${at}/department`,
          `no department placeholder "${assignee.department}"`,
        );
      } else if ("user" in assignee && !p.members.has(assignee.user)) {
        issues.add(
          "USER_ASSIGNEE",
          `${at}/user`,
          `"${assignee.user}" is not a member placeholder of the bundle`,
        );
      }
    }
  }
}

function checkMemberRef(
  ref: { type: string; id?: string },
  at: string,
  p: Placeholders,
  issues: BundleIssues,
) {
  // The schema already requires an id for every type but `all`.
  if (ref.type === "all" || ref.id === undefined) return;
  if (ref.type === "role" && !p.roles.has(ref.id))
    issues.add("UNKNOWN_ROLE", `${at}/id`, `no role "${ref.id}"`);
  if (ref.type === "department" && !p.departments.has(ref.id)) {
    issues.add("UNKNOWN_DEPARTMENT", `${at}/id`, `no department "${ref.id}"`);
  }
  if (ref.type === "member" && !p.members.has(ref.id))
    issues.add("UNKNOWN_MEMBER", `${at}/id`, `no member "${ref.id}"`);
}

function checkPermissionSets(
  b: TemplateBundle,
  forms: FormIndex,
  p: Placeholders,
  issues: BundleIssues,
): void {
  uniqueIds(b.permissionSets, "permissionSets", issues);
  for (const [i, set] of (b.permissionSets ?? []).entries()) {
    const at = `/permissionSets/${i}`;
    const form = forms.get(set.form);
    if (!form) issues.add("UNKNOWN_FORM", `${at}/form`, `no form "${set.form}" in the bundle`);
    for (const id of Object.keys(set.fields ?? {})) {
      if (form && !form.fields.has(id))
        issues.add("UNKNOWN_FIELD", `${at}/fields/${seg(id)}`, `"${set.form}" has no field "${id}"`);
    }
    for (const [j, ref] of set.members.entries()) checkMemberRef(ref, `${at}/members/${j}`, p, issues);
  }
}

function checkViews(b: TemplateBundle, forms: FormIndex, issues: BundleIssues): void {
  uniqueIds(b.views, "views", issues);
  for (const [i, view] of (b.views ?? []).entries()) {
    const at = `/views/${i}`;
    const form = forms.get(view.form);
    if (!form) {
      issues.add("UNKNOWN_FORM", `${at}/form`, `no form "${view.form}" in the bundle`);
      continue;
    }
    for (const [j, column] of (view.columns ?? []).entries()) {
      if (!form.fields.has(column)) issues.add("UNKNOWN_FIELD", `${at}/columns/${j}`, `no field "${column}"`);
    }
    for (const [j, s] of (view.sort ?? []).entries()) {
      if (!s.field.startsWith("$") && !form.fields.has(s.field)) {
        issues.add("UNKNOWN_FIELD", `${at}/sort/${j}/field`, `no field "${s.field}"`);
      }
    }
  }
}

/** The menu names the bundle's forms and dashboards, each once, and its groups by unique ids. */
function checkMenu(b: TemplateBundle, forms: FormIndex, issues: BundleIssues): void {
  const dashboards = new Set((b.dashboards ?? []).map((d) => d.id));
  const seen = new Set<string>();
  const groups = new Set<string>();
  const leaf = (item: BundleMenuLeaf, at: string) => {
    const [id, known, code] =
      item.type === "form"
        ? [item.form, forms.has(item.form), "UNKNOWN_FORM" as const]
        : [item.dashboard, dashboards.has(item.dashboard), "UNKNOWN_DASHBOARD" as const];
    const path = `${at}/${item.type}`;
    if (!known) issues.add(code, path, `no ${item.type} "${id}" in the bundle`);
    else if (seen.has(`${item.type}:${id}`)) issues.add("DUPLICATE_ID", path, `"${id}" is in the menu twice`);
    seen.add(`${item.type}:${id}`);
  };
  for (const [i, item] of (b.menu ?? []).entries()) {
    if (item.type !== "group") {
      leaf(item, `/menu/${i}`);
      continue;
    }
    if (groups.has(item.id))
      issues.add("DUPLICATE_ID", `/menu/${i}/id`, `another group has the id "${item.id}"`);
    groups.add(item.id);
    for (const [j, inner] of item.items.entries()) leaf(inner, `/menu/${i}/items/${j}`);
  }
}

function checkSection(
  b: TemplateBundle,
  section: BundleSection,
  forms: FormIndex,
  options: BundleValidationOptions,
  issues: BundleIssues,
): void {
  const items = b[section];
  uniqueIds(items, section, issues);
  const validate = options.sections?.[section] ?? DEFAULT_SECTION_VALIDATORS[section];
  const formsByKey: FormsByKey = (key) => (forms.get(key)?.valid ? forms.get(key)?.form : undefined);
  for (const [i, item] of (items ?? []).entries()) {
    const at = `/${section}/${i}`;
    const form = item.form;
    if (typeof form === "string" && !forms.has(form))
      issues.add("UNKNOWN_FORM", `${at}/form`, `no form "${form}"`);
    for (const issue of validate?.(item, formsByKey) ?? []) {
      const path = `${at}${issue.path}`;
      // The form check above and the module's own check may both report a missing form: once is enough.
      if (issue.code === "UNKNOWN_FORM" && issues.items.some((i) => i.path === path)) continue;
      issues.items.push({ ...issue, code: issue.code ?? "SECTION_INVALID", path });
    }
  }
}

/** A bundle automation notifies members by placeholder (mapped to users at install). */
function checkAutomationMembers(b: TemplateBundle, p: Placeholders, issues: BundleIssues): void {
  for (const [i, item] of (b.automations ?? []).entries()) {
    mapAutomationUsers(item, (id, pointer) => {
      if (!p.members.has(id))
        issues.add("UNKNOWN_MEMBER", `/automations/${i}${pointer}`, `no member "${id}"`);
      return id;
    });
  }
}

const RELATIVE_DATE_KEY = "$days";

function checkSampleData(b: TemplateBundle, forms: FormIndex, p: Placeholders, issues: BundleIssues): void {
  const data = b.sampleData ?? {};
  const ids = new Map<string, Set<string>>();
  for (const [key, records] of Object.entries(data)) {
    const seen = new Set<string>();
    for (const [i, record] of records.entries()) {
      if (seen.has(record.id))
        issues.add("DUPLICATE_ID", `/sampleData/${key}/${i}/id`, `"${record.id}" appears twice`);
      seen.add(record.id);
    }
    ids.set(key, seen);
  }
  for (const [key, records] of Object.entries(data)) {
    const form = forms.get(key);
    if (!form) {
      issues.add("UNKNOWN_FORM", `/sampleData/${seg(key)}`, `no form "${key}" in the bundle`);
      continue;
    }
    if (!form.valid) continue;
    for (const [i, record] of records.entries()) {
      const at = `/sampleData/${key}/${i}`;
      if (record.owner !== undefined && !p.members.has(record.owner)) {
        issues.add("UNKNOWN_MEMBER", `${at}/owner`, `no member "${record.owner}"`);
      }
      checkValues(record.data, form.fields, `${at}/data`, key, ids, p, issues);
    }
  }
  const trusted = b.forms.filter((f) => forms.get(f.key)?.form === f && forms.get(f.key)?.valid);
  const order = linkOrder(
    trusted,
    Object.keys(data).filter((k) => trusted.some((f) => f.key === k)),
  );
  if ("cycle" in order) {
    issues.add(
      "LINK_CYCLE",
      `/sampleData/${seg(order.cycle)}`,
      `the sample data of "${order.cycle}" links in a cycle`,
    );
  }
}

function checkValues(
  data: Record<string, unknown>,
  fields: Map<string, FieldDefinition>,
  base: string,
  formKey: string,
  ids: Map<string, Set<string>>,
  p: Placeholders,
  issues: BundleIssues,
): void {
  for (const [id, value] of Object.entries(data)) {
    const at = `${base}/${seg(id)}`;
    const field = fields.get(id);
    if (!field) {
      issues.add("UNKNOWN_FIELD", at, `"${formKey}" has no field "${id}"`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    const item = (j: number) => (Array.isArray(value) ? `${at}/${j}` : at);
    switch (field.type) {
      case "link":
        for (const [j, v] of values.entries()) {
          const target = ids.get(field.form);
          if (field.form === formKey || typeof v !== "string" || !target?.has(v)) {
            issues.add("UNKNOWN_RECORD", item(j), `no sample record "${String(v)}" of "${field.form}"`);
          }
        }
        break;
      case "member":
      case "members":
        for (const [j, v] of values.entries()) {
          if (typeof v !== "string" || !p.members.has(v))
            issues.add("UNKNOWN_MEMBER", item(j), `no member "${String(v)}"`);
        }
        break;
      case "department":
      case "departments":
        for (const [j, v] of values.entries()) {
          if (typeof v !== "string" || !p.departments.has(v)) {
            issues.add("UNKNOWN_DEPARTMENT", item(j), `no department "${String(v)}"`);
          }
        }
        break;
      case "subform": {
        const columns = new Map((field.fields ?? []).map((c) => [c.id, c] as const));
        for (const [j, row] of asArray(value).entries()) {
          const object = asObject(row);
          if (object) checkValues(object, columns, `${at}/${j}`, formKey, ids, p, issues);
        }
        break;
      }
      case "date":
      case "datetime": {
        const relative = prop(value, RELATIVE_DATE_KEY);
        if (asObject(value) && (typeof relative !== "number" || !Number.isInteger(relative))) {
          issues.add(
            "SCHEMA_VIOLATION",
            at,
            `a relative date is {"${RELATIVE_DATE_KEY}": whole days from the install day}`,
          );
        }
        break;
      }
    }
  }
}
