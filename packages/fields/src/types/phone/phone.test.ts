import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

describe("phone", () => {
  it("strips separators, and the +86 prefix of mobile numbers", () => {
    const mobile = { id: "p", type: "phone" as const, label: "P", kind: "mobile" as const };
    expect(fieldType.normalize("+86 138-0013-8000", mobile)).toBe("13800138000");
    const any = { id: "p", type: "phone" as const, label: "P" };
    expect(fieldType.normalize("(010) 1234-5678", any)).toBe("01012345678");
    expect(fieldType.validate("+4420 7946 0000".replace(/\s/g, ""), any)).toEqual([]);
  });
});
