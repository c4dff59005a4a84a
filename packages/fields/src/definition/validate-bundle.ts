// The one entry that accepts a template bundle: the schema package's bundle checks with this package's
// full form check plugged in (formula parser and field settings), as validateDefinition is for forms,
// and the automations' mapping formulas parsed by the same parser.
import { analyzeFormula } from "@formwork/expressions";
import {
  automationSectionValidator,
  type BundleValidationOptions,
  type DefinitionValidation,
  type TemplateBundle,
  validateBundle,
} from "@formwork/schema";
import { validateDefinition } from "./validate-definition";

export function validateTemplateBundle(
  bundle: unknown,
  sections: BundleValidationOptions["sections"] = {},
): DefinitionValidation<TemplateBundle> {
  return validateBundle(bundle, {
    validateForm: validateDefinition,
    sections: { automations: automationSectionValidator(analyzeFormula), ...sections },
  });
}
