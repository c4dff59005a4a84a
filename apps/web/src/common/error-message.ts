import { isApiError } from "@formwork/client";
import type { TFunction } from "i18next";

/**
 * What to tell the user about a failure: our own wording for codes we translate, otherwise the
 * server's message (it already speaks the request's Accept-Language where it matters).
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    const key = `errors.codes.${error.code}`;
    return t(key, { defaultValue: error.message || t("errors.title") });
  }
  return t("errors.title");
}
