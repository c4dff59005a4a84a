import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

describe("email", () => {
  it("trims and lower-cases the domain only", () => {
    expect(fieldType.normalize(" Ann.Lee@Example.COM ", { id: "e", type: "email", label: "E" })).toBe(
      "Ann.Lee@example.com",
    );
  });
});
