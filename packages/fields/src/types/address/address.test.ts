import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

const value = { province: "广东省", city: "深圳市", district: "南山区", detail: "科技园 1 号" };

describe("address", () => {
  it("joins the parts for display", () => {
    const field = { id: "a", type: "address" as const, label: "A" };
    expect(fieldType.format(value, field, "zh-CN")).toBe("广东省深圳市南山区科技园 1 号");
    expect(fieldType.format(value, field, "en")).toBe("科技园 1 号, 南山区, 深圳市, 广东省");
  });

  it("admits only the parts of the field's depth", () => {
    const field = { id: "a", type: "address" as const, label: "A", level: "city" as const };
    expect(fieldType.validate(value, field).map((i) => i.path)).toEqual(["/district", "/detail"]);
  });
});
