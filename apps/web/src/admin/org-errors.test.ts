import { ApiError } from "@formwork/client";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { orgErrorMessage } from "./org-errors";

const t = ((key: string, options?: { defaultValue?: string }) =>
  options?.defaultValue ?? key) as unknown as TFunction;

describe("orgErrorMessage", () => {
  it("words the organisation's refusals", () => {
    const cases: [ApiError, string][] = [
      [
        new ApiError("UNIQUE_VIOLATION", "x", 409, [{ path: "/name", message: "" }]),
        "admin.errors.nameTaken",
      ],
      [new ApiError("CONFLICT", "x", 409, [{ path: "/email", message: "" }]), "admin.errors.emailTaken"],
      [
        new ApiError("CONFLICT", "x", 409, [{ path: "", message: "", code: "HAS_MEMBERS" }]),
        "admin.errors.hasMembers",
      ],
      [
        new ApiError("VALIDATION_FAILED", "x", 422, [{ path: "/parentId", message: "" }]),
        "admin.errors.moveIntoSelf",
      ],
      [new ApiError("FORBIDDEN", "x", 403, [{ path: "/userIds/1", message: "" }]), "admin.errors.selfChange"],
    ];
    for (const [error, key] of cases) expect(orgErrorMessage(error, t)).toBe(key);
  });

  it("falls back to the app's wording", () => {
    expect(orgErrorMessage(new ApiError("NOT_FOUND", "gone", 404), t)).toBe("gone");
  });
});
