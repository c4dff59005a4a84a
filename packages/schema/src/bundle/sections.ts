// The default validators of the sections other modules own. A bundle's dashboard is the dashboard
// definition with a stable `id` beside it (what an upgrade and an export name it by). A bundle's
// automation is the automation definition itself (its `id` is its stable key) plus an optional
// `enabled` (default true); its forms are named by key and its fields by id, checked against the
// bundle's forms. Formulas are parsed when the caller plugs in a parser (validateTemplateBundle does).
import { validateAutomation } from "../automation/validate-automation";
import { validateDashboard } from "../dashboard/validate-dashboard";
import type { DefinitionIssue, FormDefinition } from "../types";
import type { FormulaAnalyzer } from "../validate/result";
import type { BundleSection } from "./types";
import type { SectionValidator } from "./validate-bundle";

/** A section item without its bundle id: what the owning module stores. */
export function withoutId(item: unknown): unknown {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return item;
  const { id: _id, ...rest } = item as Record<string, unknown>;
  return rest;
}

const dashboards: SectionValidator = (item, forms): DefinitionIssue[] => {
  const result = validateDashboard(withoutId(item), forms);
  return result.ok ? [] : result.issues;
};

/** A bundle automation as the automations module stores it: without the bundle-only `enabled`. */
export function automationOf(item: unknown): { definition: unknown; enabled: boolean } {
  if (typeof item !== "object" || item === null || Array.isArray(item))
    return { definition: item, enabled: true };
  const { enabled, ...definition } = item as Record<string, unknown>;
  return { definition, enabled: enabled !== false };
}

/** Stands in for a member placeholder while the automation validator checks a bundle item's shape. */
const PLACEHOLDER_USER = "00000000-0000-4000-8000-000000000000";

/**
 * A bundle automation with every notify action's `users` mapped by `map` (a bundle names members by
 * placeholder, a stored automation by user id): install maps placeholders to users, export users to
 * placeholders, validation to a stand-in id. A value `map` answers undefined for is dropped.
 */
export function mapAutomationUsers<T>(item: T, map: (id: string, pointer: string) => string | undefined): T {
  const actions = (item as { actions?: unknown }).actions;
  if (!Array.isArray(actions)) return item;
  return {
    ...item,
    actions: actions.map((action: unknown, i) => {
      const users = (action as { users?: unknown } | null)?.users;
      if (!Array.isArray(users)) return action;
      const mapped = users.flatMap((u: unknown, j) => {
        const to = typeof u === "string" ? map(u, `/actions/${i}/users/${j}`) : undefined;
        return to === undefined ? [] : [to];
      });
      return { ...(action as object), users: [...new Set(mapped)] };
    }),
  };
}

/** The top-level field types of a bundle form: what an automation's references resolve to. */
function fieldTypes(form: FormDefinition | undefined): Map<string, string> | undefined {
  return form ? new Map((form.fields ?? []).map((f) => [f.id, f.type])) : undefined;
}

/** The automations section's validator, with a formula parser or without. */
export function automationSectionValidator(analyzeFormula?: FormulaAnalyzer): SectionValidator {
  return (item, forms) => {
    const enabled =
      typeof item === "object" && item !== null ? (item as { enabled?: unknown }).enabled : undefined;
    if (enabled !== undefined && typeof enabled !== "boolean")
      return [{ code: "SCHEMA_VIOLATION", path: "/enabled", message: "enabled is true or false" }];
    const definition = mapAutomationUsers(automationOf(item).definition, () => PLACEHOLDER_USER);
    const result = validateAutomation(definition, {
      context: { forms: { get: (key) => fieldTypes(forms(key)) } },
      ...(analyzeFormula ? { analyzeFormula } : {}),
    });
    return result.ok ? [] : result.issues;
  };
}

export const DEFAULT_SECTION_VALIDATORS: Partial<Record<BundleSection, SectionValidator>> = {
  dashboards,
  automations: automationSectionValidator(),
};
