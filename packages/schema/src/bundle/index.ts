export { BUNDLE_ISSUE_CODES, type BundleIssueCode } from "./codes";
export { allFields, flowAssignees, formsReadBy, linkOrder, linkTargets } from "./references";
export { BUNDLE_SCHEMA_ID, bundleSchema, TEMPLATE_NAME_PATTERN } from "./schema";
export {
  automationOf,
  automationSectionValidator,
  DEFAULT_SECTION_VALIDATORS,
  mapAutomationUsers,
  withoutId,
} from "./sections";
export { compareSemver, isSemver } from "./semver";
export * from "./types";
export { type BundleValidationOptions, type SectionValidator, validateBundle } from "./validate-bundle";
