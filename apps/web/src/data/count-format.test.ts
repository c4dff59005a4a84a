import { describe, expect, it } from "vitest";
import { formatCount } from "./count-format";

describe("formatCount", () => {
  it("groups digits and marks a capped count with a plus", () => {
    expect(formatCount({ value: 1000, exact: false }, "en")).toBe("1,000+");
    expect(formatCount({ value: 1234567, exact: true }, "zh-CN")).toBe("1,234,567");
    expect(formatCount({ value: 0, exact: true }, "en")).toBe("0");
  });
});
