import { describe, expect, it } from "vitest";
import { EMAIL_PATTERN } from "./email";

describe("EMAIL_PATTERN", () => {
  it("accepts what the server accepts", () => {
    for (const ok of ["a@b.c", "admin@localhost", "王@公司.中国", "x.y+z@example.com"]) {
      expect(EMAIL_PATTERN.test(ok), ok).toBe(true);
    }
  });
  it("refuses what the server refuses", () => {
    for (const bad of ["", "a", "a@", "@b", "a b@c", "a@b@c", "a@b c"]) {
      expect(EMAIL_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
