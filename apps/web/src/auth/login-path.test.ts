import { describe, expect, it } from "vitest";
import { afterLoginTarget, loginPath } from "./login-path";

describe("login redirects", () => {
  it("remembers where the user was going", () => {
    expect(loginPath("/apps/a1?tab=x")).toBe("/login?next=%2Fapps%2Fa1%3Ftab%3Dx");
    expect(loginPath("/apps")).toBe("/login");
  });

  it("follows only same-site paths after login", () => {
    expect(afterLoginTarget("/apps/a1")).toBe("/apps/a1");
    expect(afterLoginTarget(null)).toBe("/apps");
    expect(afterLoginTarget("https://evil.example")).toBe("/apps");
    expect(afterLoginTarget("//evil.example")).toBe("/apps");
    expect(afterLoginTarget("/\\evil.example")).toBe("/apps");
    expect(afterLoginTarget("/login?next=/apps")).toBe("/apps");
  });
});
