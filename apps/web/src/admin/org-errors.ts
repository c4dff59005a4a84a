// The organisation API's refusals in the UI's words: the server's codes and detail codes/pointers
// mapped to admin texts; anything else falls back to the app-wide wording.
import { isApiError } from "@formwork/client";
import type { TFunction } from "i18next";
import { errorMessage } from "../common/error-message";

export function orgErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return errorMessage(error, t);
  const detail = error.details[0];
  const key = (() => {
    if (error.code === "UNIQUE_VIOLATION") return "nameTaken";
    if (error.code === "CONFLICT" && detail?.path === "/email") return "emailTaken";
    if (error.code === "CONFLICT" && detail?.code) {
      return {
        HAS_CHILDREN: "hasChildren",
        HAS_MEMBERS: "hasMembers",
        HAS_ROLES: "hasRoles",
        NOT_INVITED: "notInvited",
      }[detail.code];
    }
    if (error.code === "VALIDATION_FAILED" && detail?.path === "/parentId") return "moveIntoSelf";
    if (error.code === "FORBIDDEN" && detail && /^\/(isAdmin|roleIds|userIds?)/.test(detail.path))
      return "selfChange";
    return undefined;
  })();
  return key ? t(`admin.errors.${key}`) : errorMessage(error, t);
}
