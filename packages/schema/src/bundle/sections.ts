// The default validators of the sections other modules own. A bundle's dashboard is the dashboard
// definition with a stable `id` beside it (what an upgrade and an export name it by); automations get
// theirs once that module lands.
import { validateDashboard } from "../dashboard/validate-dashboard";
import type { DefinitionIssue } from "../types";
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

export const DEFAULT_SECTION_VALIDATORS: Partial<Record<BundleSection, SectionValidator>> = { dashboards };
