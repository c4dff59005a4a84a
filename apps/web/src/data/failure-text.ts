import { isApiError } from "@formwork/client";
import type { TFunction } from "i18next";
import { errorMessage } from "../common/error-message";

/** True when the record changed since it was read (the write's If-Match no longer held). */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && (error.code === "VERSION_CONFLICT" || error.status === 412);
}

/** Why one record's write failed, with the conflict worded for people rather than as a status code. */
export function failureText(error: unknown, t: TFunction): string {
  return isVersionConflict(error) ? t("data.conflict") : errorMessage(error, t);
}
