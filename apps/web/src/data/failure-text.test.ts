import { ApiError } from "@formwork/client";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { failureText, isVersionConflict } from "./failure-text";

const t = ((key: string, options?: { defaultValue?: string }) => options?.defaultValue ?? key) as TFunction;

describe("failureText", () => {
  it("words a stale write as a conflict to reload", () => {
    const stale = new ApiError("VERSION_CONFLICT", "Precondition failed", 412);
    expect(isVersionConflict(stale)).toBe(true);
    expect(failureText(stale, t)).toBe("data.conflict");
  });

  it("passes other failures through the app's error wording", () => {
    const forbidden = new ApiError("FORBIDDEN", "Not allowed", 403);
    expect(isVersionConflict(forbidden)).toBe(false);
    expect(isVersionConflict(new Error("x"))).toBe(false);
    expect(failureText(forbidden, t)).toBe("Not allowed");
  });
});
