// Runs a write against the form's current definition. Forms come from a short-lived cache
// (./published-forms), so a write may start with a definition another instance has just replaced:
// - the database refuses to write through a definition that is no longer the published one
//   (FormChangedError);
// - the data may fail validation only because it was written for the new definition (a new field,
//   a changed type).
// Either way the form is reloaded and, when its version changed, the write runs once more, whole.
// Validation errors cost that one primary-key read; successful writes cost nothing extra.
import { FormChangedError, type PublishedForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { PublishedForms } from "./published-forms";

/** Errors a newer definition might not raise: the data is checked against the form's fields. */
const DEFINITION_ERRORS = new Set(["UNKNOWN_FIELD", "VALIDATION_FAILED"]);

export async function withCurrentForm<T>(
  forms: PublishedForms,
  formId: string,
  write: (form: PublishedForm) => Promise<T>,
): Promise<T> {
  const form = await forms.get(formId);
  try {
    return await write(form);
  } catch (error) {
    if (error instanceof FormChangedError && error.formId === formId) {
      forms.forget(formId);
      const fresh = await forms.get(formId);
      // Same version, yet the database refused it: the table is out of step with its definition. A bug.
      if (fresh.version === error.version) {
        throw new Error(`form ${formId} version ${fresh.version} does not match its table`, { cause: error });
      }
      return write(fresh);
    }
    if (error instanceof FormworkError && DEFINITION_ERRORS.has(error.code)) {
      const fresh = await forms.get(formId, undefined, { fresh: true });
      if (fresh.version !== form.version) return write(fresh);
    }
    throw error;
  }
}
